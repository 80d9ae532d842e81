package pe.cmep.reporting;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.localstack.TestBackend;
import pe.cmep.localstack.TestBackends;

/**
 * A database of its own on the test backend, migrated by platform's Flyway scripts: R2DBC for the classes under
 * test, JDBC for the test's own rows and reads.
 */
final class ReportDatabase {

    private final TestBackend backend = TestBackends.shared();
    private final String jdbcUrl;
    final DatabaseClient db;
    final TransactionalOperator tx;
    final R2dbcTransactionManager transactions;

    ReportDatabase(String name) {
        backend.dropDatabase(name);
        backend.createDatabase(name);
        jdbcUrl = backend.jdbcUrl(name);
        Flyway.configure().dataSource(jdbcUrl, backend.databaseUser(), backend.databasePassword())
                .locations("classpath:db/migration").load().migrate();
        ConnectionFactory factory = ConnectionFactories.get(ConnectionFactoryOptions
                .parse(backend.springProperties(name).get("spring.r2dbc.url")).mutate()
                .option(ConnectionFactoryOptions.USER, backend.databaseUser())
                .option(ConnectionFactoryOptions.PASSWORD, backend.databasePassword())
                .build());
        db = DatabaseClient.create(factory);
        transactions = new R2dbcTransactionManager(factory);
        tx = TransactionalOperator.create(transactions);
    }

    void execute(String... statements) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of the query, each column as its string form (null as "null"), joined by spaces. */
    List<String> rows(String query) {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, backend.databaseUser(), backend.databasePassword());
    }
}
