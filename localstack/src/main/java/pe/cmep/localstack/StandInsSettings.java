package pe.cmep.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the stand-ins keep their data and which ports they listen on.
 *
 * @param home         directory holding the data of all three servers ({@code mariadb/}, {@code sqs/}, {@code s3/})
 * @param databasePort MariaDB port, 0 for a free one
 * @param sqsPort      ElasticMQ port, 0 for a free one
 * @param s3Port       S3Proxy port, 0 for a free one
 * @param databases    databases created on start (if absent)
 */
public record StandInsSettings(Path home, int databasePort, int sqsPort, int s3Port, List<String> databases) {

    public StandInsSettings {
        home = home.toAbsolutePath().normalize();
        databases = List.copyOf(databases);
        requirePort(databasePort, "databasePort");
        requirePort(sqsPort, "sqsPort");
        requirePort(s3Port, "s3Port");
    }

    private static void requirePort(int port, String name) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be between 0 and 65535, was " + port);
        }
    }
}
