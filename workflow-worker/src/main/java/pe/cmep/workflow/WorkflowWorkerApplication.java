package pe.cmep.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Consumes the solicitud events (reporting aggregates) and the maintenance queue
 * (session clean-up). Its HTTP port serves only Actuator: health and metrics.
 */
@SpringBootApplication
public class WorkflowWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkflowWorkerApplication.class, args);
    }
}
