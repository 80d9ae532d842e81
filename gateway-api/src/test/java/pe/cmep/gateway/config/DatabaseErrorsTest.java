package pe.cmep.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.r2dbc.BadSqlGrammarException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures mean "the database cannot be reached". The exceptions are built as r2dbc-mysql 1.4 builds them
 * ({@code ErrorMessage.toException}: a server error outside its short list of codes becomes an
 * {@link R2dbcNonTransientResourceException} with the server's code and no SQLSTATE; a lost or refused connection is
 * one with code 0) and wrapped as Spring's {@code ConnectionFactoryUtils.convertR2dbcException} wraps them.
 */
class DatabaseErrorsTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments("connection refused", translated(new R2dbcNonTransientResourceException(
                        new ConnectException("Connection refused"))), true),
                arguments("connection reset", translated(new R2dbcNonTransientResourceException(
                        new IOException("Connection reset by peer"))), true),
                arguments("connection closed while a query ran", translated(
                        new R2dbcNonTransientResourceException("Connection unexpectedly closed")), true),
                arguments("no connection for a transaction", new CannotCreateTransactionException(
                        "Could not open R2DBC Connection for transaction",
                        new R2dbcNonTransientResourceException(new ConnectException("Connection refused"))), true),
                arguments("pool acquisition timed out", new QueryTimeoutException("acquire",
                        new R2dbcTimeoutException("Connection acquisition timed out", new TimeoutException())), true),
                arguments("1040 too many connections", translated(server(1040, "Too many connections")), true),
                arguments("1053 server shutdown in progress", translated(server(1053, "Server shutdown in progress")),
                        true),
                arguments("1158 network read error", translated(server(1158, "Got an error reading communication "
                        + "packets")), true),
                arguments("1159 network read timeout", new TransientDataAccessResourceException("read",
                        new R2dbcTransientResourceException("Got timeout reading communication packets", null, 1159)),
                        true),
                arguments("1927 connection killed (MariaDB)", translated(server(1927, "Connection was killed")), true),
                arguments("1290 read-only server (failover)", translated(server(1290, "The MariaDB server is running "
                        + "with the --read-only option so it cannot execute this statement")), true),

                arguments("1292 incorrect date value", translated(server(1292, "Incorrect date value: '10000-01-01' "
                        + "for column `cmep`.`personas`.`fecha_nacimiento` at row 1")), false),
                arguments("1366 incorrect string value", translated(server(1366, "Incorrect string value: '\\xED\\xA0"
                        + "\\x80' for column `nombres`")), false),
                arguments("1406 data too long", translated(server(1406, "Data too long for column 'nombres'")), false),
                arguments("1264 out of range", translated(server(1264, "Out of range value for column 'monto'")),
                        false),
                arguments("1153 packet too large", translated(server(1153, "Got a packet bigger than "
                        + "'max_allowed_packet' bytes")), false),
                arguments("3819 check constraint (MySQL)", translated(server(3819, "Check constraint "
                        + "'chk_estado' is violated.")), false),
                arguments("1064 bad grammar", new BadSqlGrammarException("select", "SELECT",
                        new R2dbcBadGrammarException("You have an error in your SQL syntax", "42000", 1064)), false),
                arguments("1062 duplicate key", new DuplicateKeyException("insert",
                        new R2dbcDataIntegrityViolationException("Duplicate entry", "23000", 1062)), false),
                arguments("1452 foreign key", new DataIntegrityViolationException("insert",
                        new R2dbcDataIntegrityViolationException("Cannot add or update a child row", "23000", 1452)),
                        false),
                arguments("a bug", new IllegalStateException("boom"), false));
    }

    @ParameterizedTest(name = "{0} -> unavailable: {2}")
    @MethodSource("failures")
    void only_a_lost_or_refused_connection_counts_as_the_database_being_unavailable(String what, Throwable failure,
                                                                                   boolean unavailable) {
        assertThat(DatabaseErrors.isUnavailable(failure)).isEqualTo(unavailable);
    }

    /** A server error as r2dbc-mysql reports a code outside its list: non-transient resource, no SQLSTATE. */
    private static R2dbcException server(int code, String message) {
        return new R2dbcNonTransientResourceException(message, null, code);
    }

    private static DataAccessResourceFailureException translated(R2dbcException e) {
        return new DataAccessResourceFailureException("executeMany; SQL [INSERT ...]; " + e.getMessage(), e);
    }
}
