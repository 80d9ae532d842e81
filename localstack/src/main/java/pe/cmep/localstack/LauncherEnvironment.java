package pe.cmep.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The launcher's settings, read from environment variables with defaults that suit one developer machine. */
final class LauncherEnvironment {

    static final String HOME = "CMEP_HOME";
    static final String DB_PORT = "CMEP_DB_PORT";
    static final String SQS_PORT = "CMEP_SQS_PORT";
    static final String S3_PORT = "CMEP_S3_PORT";
    static final String DB_NAME = "CMEP_DB_NAME";

    private final Map<String, String> env;

    LauncherEnvironment(Map<String, String> env) {
        this.env = env;
    }

    StandInsSettings settings() {
        return new StandInsSettings(
                Path.of(value(HOME, "./.cmep")),
                port(DB_PORT, 3307),
                port(SQS_PORT, 9324),
                port(S3_PORT, 9000),
                List.of(value(DB_NAME, "cmep_dev")));
    }

    /** The variable that sets {@code port}, for telling the user how to move a stand-in off a busy port. */
    String variableSetting(int port) {
        StandInsSettings settings = settings();
        if (port == settings.databasePort()) {
            return DB_PORT;
        }
        if (port == settings.sqsPort()) {
            return SQS_PORT;
        }
        return S3_PORT;
    }

    private String value(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private int port(String name, int fallback) {
        String value = value(name, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'", e);
        }
    }
}
