package pe.cmep.file;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Consumes the file events: verifies uploaded objects and deletes the objects of
 * deleted files and solicitudes. Its HTTP port serves only Actuator: health and metrics.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FileWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(FileWorkerApplication.class, args);
    }
}
