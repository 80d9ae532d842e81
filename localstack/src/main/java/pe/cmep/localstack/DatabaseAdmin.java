package pe.cmep.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Creates and drops databases over JDBC (MariaDB Connector/J, the driver the services' Flyway uses), so every
 * backend gives a test the same kind of database: utf8mb4 with utf8mb4_unicode_ci, as RDS is set up.
 */
final class DatabaseAdmin {

    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final String server;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    DatabaseAdmin(String server, String host, int port, String user, String password) {
        this.server = server;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    String jdbcUrl(String database) {
        return serverUrl() + requireName(database);
    }

    void create(String database) {
        execute("CREATE DATABASE IF NOT EXISTS `" + requireName(database)
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    void drop(String database) {
        execute("DROP DATABASE IF EXISTS `" + requireName(database) + "`");
    }

    // names go into SQL and URLs unquoted, so only plain ones are accepted
    static String requireName(String database) {
        if (DATABASE_NAME.matcher(database).matches()) {
            return database;
        }
        throw new IllegalArgumentException("Not a plain database name: " + database);
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl(), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + server + ": " + e.getMessage(), e);
        }
    }

    private String serverUrl() {
        return "jdbc:mariadb://" + host + ":" + port + "/";
    }
}
