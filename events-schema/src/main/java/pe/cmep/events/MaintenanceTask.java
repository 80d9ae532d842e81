package pe.cmep.events;

import java.util.Arrays;
import java.util.Optional;

/** Every maintenance task a maintenance message may ask for, with its wire name and the major version this code reads. */
public enum MaintenanceTask {

    /** Delete the sessions whose {@code expires_at} is before now, UTC (domain.md §6.6). */
    SESSION_CLEANUP("session_cleanup", 1);

    private final String task;
    private final int version;

    MaintenanceTask(String task, int version) {
        this.task = task;
        this.version = version;
    }

    /** The wire name, e.g. {@code session_cleanup}. */
    public String task() {
        return task;
    }

    /** The major version this code reads and writes. */
    public int version() {
        return version;
    }

    /** The JSON Schema of this task's message, e.g. {@code schemas/maintenance.session_cleanup.v1.json}. */
    public String schemaResource() {
        return "schemas/maintenance." + task + ".v" + version + ".json";
    }

    public static Optional<MaintenanceTask> ofTask(String task) {
        return Arrays.stream(values()).filter(t -> t.task.equals(task)).findFirst();
    }
}
