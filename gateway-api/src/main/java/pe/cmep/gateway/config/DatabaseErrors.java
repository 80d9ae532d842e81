package pe.cmep.gateway.config;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises the MySQL/MariaDB errors that writers handle themselves, and that the error envelope answers as a
 * conflict or as the database being unreachable, instead of failing the request. Each looks through the whole
 * cause chain.
 */
public final class DatabaseErrors {

    private static final int DUPLICATE_KEY = 1062;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;
    private static final int ROW_IS_REFERENCED = 1451;
    private static final int NO_REFERENCED_ROW = 1452;
    private static final int NOWAIT_REFUSED = 3572;
    /**
     * Server errors that say the server cannot serve this connection now: too many connections (1040, 1203), shutdown
     * in progress (1053), network and aborted-connection errors (1152, 1154-1161, 1184), connection killed (MariaDB
     * 1927) and a server gone read-only, as a writer demoted by a failover (1290, 1836).
     */
    private static final Set<Integer> SERVER_UNAVAILABLE = Set.of(1040, 1053, 1152, 1154, 1155, 1156, 1157, 1158,
            1159, 1160, 1161, 1184, 1203, 1290, 1836, 1927);

    private DatabaseErrors() {
    }

    /** A unique key refused the row (MySQL/MariaDB 1062), e.g. a concurrent insert of the same document. */
    public static boolean isDuplicateKey(Throwable ex) {
        return Causes.any(ex, t -> t instanceof DuplicateKeyException || hasCode(t, Set.of(DUPLICATE_KEY)));
    }

    /** InnoDB chose this transaction as a deadlock victim (1213): it was rolled back and may be run again. */
    public static boolean isDeadlock(Throwable ex) {
        return Causes.any(ex, t -> hasCode(t, Set.of(DEADLOCK)));
    }

    /** A foreign key refused the change (1451 row is referenced / 1452 referenced row missing). */
    public static boolean isForeignKeyViolation(Throwable ex) {
        return Causes.any(ex, t -> hasCode(t, Set.of(ROW_IS_REFERENCED, NO_REFERENCED_ROW)));
    }

    /** Another request holds the rows: lock wait timeout (1205), deadlock (1213), NOWAIT refused (3572). */
    public static boolean isLockConflict(Throwable ex) {
        return Causes.any(ex, t -> t instanceof PessimisticLockingFailureException
                || hasCode(t, Set.of(LOCK_WAIT_TIMEOUT, DEADLOCK, NOWAIT_REFUSED)));
    }

    /**
     * The database cannot be reached, so the error envelope answers 503: the connection was refused, lost or never
     * obtained, or the server says it is going away. A server that answered with any other error is reachable — that
     * is a problem of the statement or its data, never an outage — whatever class the driver gave it: r2dbc-mysql
     * reports every code outside its short list as a non-transient <em>resource</em> exception (which Spring turns
     * into a DataAccessResourceFailureException), an incorrect date value (1292) included.
     */
    public static boolean isUnavailable(Throwable ex) {
        Optional<Integer> serverCode = serverErrorCode(ex);
        if (serverCode.isPresent()) {
            return SERVER_UNAVAILABLE.contains(serverCode.get());
        }
        // no server answer: r2dbc-mysql reports a refused, reset or closed connection as a resource exception of code 0
        return Causes.any(ex, t -> t instanceof R2dbcNonTransientResourceException
                || t instanceof R2dbcTransientResourceException
                || t instanceof CannotCreateTransactionException
                || t instanceof ConnectException
                || t instanceof TimeoutException);
    }

    /** The MySQL/MariaDB error code of the first server error in the cause chain, if the server answered at all. */
    private static Optional<Integer> serverErrorCode(Throwable ex) {
        return Causes.of(ex)
                .filter(t -> t instanceof R2dbcException r2dbc && r2dbc.getErrorCode() != 0)
                .map(t -> ((R2dbcException) t).getErrorCode())
                .findFirst();
    }

    private static boolean hasCode(Throwable t, Set<Integer> codes) {
        return t instanceof R2dbcException r2dbc && codes.contains(r2dbc.getErrorCode());
    }
}
