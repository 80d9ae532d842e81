package pe.cmep.localstack;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * Chooses the {@link TestBackend} of this JVM from the system property {@code cmep.test.backend} or else the
 * environment variable {@code CMEP_TEST_BACKEND}: {@code embedded} (the default, {@link StandIns#shared()}) or
 * {@code localstack} (LocalStack and MySQL 8 through Testcontainers, for machines with Docker).
 */
public final class TestBackends {

    public static final String PROPERTY = "cmep.test.backend";
    static final String ENVIRONMENT_VARIABLE = "CMEP_TEST_BACKEND";
    // created on start by either backend, as StandIns.shared() always did
    private static final String SHARED_DATABASE = "cmep_test";

    private static TestBackend shared;

    private TestBackends() {
    }

    /**
     * The backend of this JVM, started on first use and shared by every test class after it. When the chosen backend
     * cannot start here (LocalStack without Docker) the calling test is aborted, i.e. reported as skipped.
     */
    public static synchronized TestBackend shared() {
        if (shared == null) {
            unavailableReason().ifPresent(Assumptions::abort);
            shared = embeddedChosen()
                    ? new EmbeddedTestBackend(StandIns.shared())
                    : LocalStackTestBackend.start(List.of(SHARED_DATABASE));
        }
        return shared;
    }

    /** Whether tests run on the embedded stand-ins, the only backend a test can stop and start. */
    public static boolean embeddedChosen() {
        return chosen().equals(EmbeddedTestBackend.NAME);
    }

    /** The name of the chosen backend, as given in {@code cmep.test.backend}. */
    public static String chosen() {
        String value = Optional.ofNullable(System.getProperty(PROPERTY))
                .filter(v -> !v.isBlank())
                .or(() -> Optional.ofNullable(System.getenv(ENVIRONMENT_VARIABLE)).filter(v -> !v.isBlank()))
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .orElse(EmbeddedTestBackend.NAME);
        if (value.equals(EmbeddedTestBackend.NAME) || value.equals(LocalStackTestBackend.NAME)) {
            return value;
        }
        // a typo must not quietly run the suite on the other backend
        throw new IllegalArgumentException(PROPERTY + " (or " + ENVIRONMENT_VARIABLE + ") is '" + value + "'; expected "
                + EmbeddedTestBackend.NAME + " or " + LocalStackTestBackend.NAME);
    }

    /** Why the chosen backend cannot run on this machine, if it cannot: only LocalStack needs something (Docker). */
    static Optional<String> unavailableReason() {
        if (embeddedChosen() || DockerClientFactory.instance().isDockerAvailable()) {
            return Optional.empty();
        }
        return Optional.of("Docker is not available, and " + PROPERTY + "=" + LocalStackTestBackend.NAME
                + " runs LocalStack and MySQL 8 in Docker containers");
    }
}
