package pe.cmep.file.limpieza;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The storage keys {@code archivos} rows point at, as the orphan sweep asks for them. */
@Repository
class StoragePathRepository {

    private static final String KNOWN = """
            SELECT storage_path FROM archivos WHERE storage_path IN (:keys)
            """;

    private final DatabaseClient db;

    StoragePathRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Those of the keys that some {@code archivos} row points at. */
    Mono<Set<String>> known(List<String> keys) {
        return db.sql(KNOWN)
                .bind("keys", keys)
                .map((row, meta) -> row.get("storage_path", String.class))
                .all()
                .collect(HashSet::new, Set::add);
    }
}
