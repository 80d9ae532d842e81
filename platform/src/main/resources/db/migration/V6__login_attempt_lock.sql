-- CMEP schema, version 6: login attempts are reserved under a lock.
-- One row per throttled key (scope ACCOUNT: the normalised login e-mail; ADDRESS: the client address). A login
-- locks the rows of its two keys, counts the failures of each window, and records its own attempt as a failure
-- before any password is checked, all in one short transaction: parallel attempts on one account queue here, so
-- the sixth one finds five failures and is refused without a password check (domain.md §10 #33).
CREATE TABLE login_attempt_lock (
    scope     VARCHAR(7)   NOT NULL,
    scope_key VARCHAR(255) NOT NULL,
    PRIMARY KEY (scope, scope_key),
    CONSTRAINT ck_login_attempt_lock_scope
        CHECK (scope COLLATE utf8mb4_bin IN ('ACCOUNT','ADDRESS'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
