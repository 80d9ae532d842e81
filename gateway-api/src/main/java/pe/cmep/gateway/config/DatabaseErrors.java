package pe.cmep.gateway.config;

import io.r2dbc.spi.R2dbcException;
import org.springframework.dao.DuplicateKeyException;

/** Recognises the MySQL/MariaDB errors that writers handle themselves instead of failing the request. */
public final class DatabaseErrors {

    private static final int DUPLICATE_KEY = 1062;
    private static final int DEADLOCK = 1213;
    private static final int ROW_IS_REFERENCED = 1451;
    private static final int NO_REFERENCED_ROW = 1452;

    private DatabaseErrors() {
    }

    /** A unique key refused the row (MySQL/MariaDB 1062), e.g. a concurrent insert of the same document. */
    public static boolean isDuplicateKey(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DuplicateKeyException
                    || t instanceof R2dbcException r2dbc && r2dbc.getErrorCode() == DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }

    /** InnoDB chose this transaction as a deadlock victim (1213): it was rolled back and may be run again. */
    public static boolean isDeadlock(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof R2dbcException r2dbc && r2dbc.getErrorCode() == DEADLOCK) {
                return true;
            }
        }
        return false;
    }

    /** A foreign key refused the change (1451 row is referenced / 1452 referenced row missing). */
    public static boolean isForeignKeyViolation(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof R2dbcException r2dbc
                    && (r2dbc.getErrorCode() == ROW_IS_REFERENCED || r2dbc.getErrorCode() == NO_REFERENCED_ROW)) {
                return true;
            }
        }
        return false;
    }
}
