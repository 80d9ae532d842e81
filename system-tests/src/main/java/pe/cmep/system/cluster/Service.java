package pe.cmep.system.cluster;

import java.util.Map;

/** The three services of CMEP as processes: which jar, which ports they take from the environment, where health is. */
public enum Service {

    GATEWAY_API("gateway-api", "CMEP_PORT", "CMEP_API_MANAGEMENT_PORT", "/health"),
    WORKFLOW_WORKER("workflow-worker", "CMEP_WORKFLOW_WORKER_PORT", null, "/actuator/health"),
    FILE_WORKER("file-worker", "CMEP_FILE_WORKER_PORT", null, "/actuator/health");

    private final String artifact;
    private final String portVariable;
    private final String managementPortVariable;
    private final String healthPath;

    Service(String artifact, String portVariable, String managementPortVariable, String healthPath) {
        this.artifact = artifact;
        this.portVariable = portVariable;
        this.managementPortVariable = managementPortVariable;
        this.healthPath = healthPath;
    }

    public String artifact() {
        return artifact;
    }

    String healthPath() {
        return healthPath;
    }

    /** The environment that puts this service on its ports (the management port only where it has its own). */
    Map<String, String> portEnvironment(int port, int managementPort) {
        return managementPortVariable == null ? Map.of(portVariable, String.valueOf(port))
                : Map.of(portVariable, String.valueOf(port), managementPortVariable, String.valueOf(managementPort));
    }

    boolean hasManagementPort() {
        return managementPortVariable != null;
    }
}
