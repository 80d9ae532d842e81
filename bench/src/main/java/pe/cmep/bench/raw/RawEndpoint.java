package pe.cmep.bench.raw;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The SQL an endpoint of gateway-api runs, sent straight through JDBC: what the database alone can serve, the
 * "raw" of api/raw. Each implementation copies the statements of the gateway-api repository it names, as they are on
 * main; when those statements change, change the copy here (docs/performance.md).
 */
public interface RawEndpoint {

    /** Prepares the statements of one client on its own connection; the call runs them once, as one request does. */
    RawCall open(Connection connection) throws SQLException;

    @FunctionalInterface
    interface RawCall {
        void run() throws SQLException;
    }

    /** Reads every row and column of a result, as the API's row mappers do. */
    static void drain(java.sql.ResultSet r) throws SQLException {
        int columns = r.getMetaData().getColumnCount();
        while (r.next()) {
            for (int i = 1; i <= columns; i++) {
                r.getObject(i);
            }
        }
        r.close();
    }
}
