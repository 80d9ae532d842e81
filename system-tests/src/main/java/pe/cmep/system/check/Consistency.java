package pe.cmep.system.check;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.reporting.ReportCheck;
import pe.cmep.system.load.Accion;
import pe.cmep.system.load.Ledger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The end-of-run checks of the system tests and the soak, over JDBC (and S3): once the system is quiet, every
 * acknowledged action is in the database exactly once, each queue's events were applied by its consumer once each
 * and in commit order per solicitud, the report aggregates equal the rebuild from the source tables, the list
 * counters equal a COUNT(*), and the bucket holds exactly the objects of the archivos rows.
 */
public final class Consistency {

    /** A queue and the consumer that records the events it applied in processed_event. */
    private record Consumer(String queueRole, String name) {
    }

    private static final List<Consumer> CONSUMERS = List.of(new Consumer("solicitud-events", "report-aggregates"),
            new Consumer("file-events", "file-worker"));
    private static final int SHOWN = 10;

    private final SystemRepository db;
    private final String r2dbcUrl;
    private final String s3Endpoint;
    private final String bucket;

    public Consistency(String jdbcUrl, String r2dbcUrl, String s3Endpoint, String bucket) {
        this.db = new SystemRepository(jdbcUrl);
        this.r2dbcUrl = r2dbcUrl;
        this.s3Endpoint = s3Endpoint;
        this.bucket = bucket;
    }

    /**
     * Waits until the outbox is drained, every published event was applied by its consumer and every uploaded file
     * was verified. @return what was still pending at the timeout (empty when quiet)
     */
    public List<String> awaitQuiet(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> pending;
        while (true) {
            pending = pending();
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                return pending;
            }
            Thread.sleep(250);
        }
    }

    private List<String> pending() {
        List<String> pending = new ArrayList<>();
        long unpublished = db.unpublished();
        if (unpublished > 0) {
            pending.add(unpublished + " outbox rows not published");
        }
        for (Consumer c : CONSUMERS) {
            long unapplied = db.unapplied(c.name, c.queueRole);
            if (unapplied > 0) {
                pending.add(unapplied + " " + c.queueRole + " events not applied by " + c.name);
            }
        }
        long unverified = db.unverifiedFiles();
        if (unverified > 0) {
            pending.add(unverified + " archivos not verified by the file-worker");
        }
        return pending;
    }

    /** Every check; @return the violations, each naming the solicitud, event or table (empty when consistent) */
    public List<String> check(Ledger ledger, Map<Integer, String> knownEstados) {
        List<String> violations = new ArrayList<>(pending());
        violations.addAll(eventOrder());
        violations.addAll(ledger(ledger));
        violations.addAll(estados(knownEstados));
        violations.addAll(counters());
        violations.addAll(reports());
        violations.addAll(objects());
        return violations;
    }

    /** Per consumer and solicitud, the order of application (seq) follows the order of commit (outbox_id). */
    List<String> eventOrder() {
        List<String> violations = new ArrayList<>();
        for (Consumer c : CONSUMERS) {
            SystemRepository.Applied previous = null;
            for (SystemRepository.Applied a : db.applicationOrder(c.name, c.queueRole)) {
                if (previous != null && previous.solicitudId() == a.solicitudId() && a.seq() < previous.seq()
                        && violations.size() < SHOWN) {
                    violations.add(c.name + " applied " + a.eventType() + " (outbox " + a.outboxId()
                            + ") of solicitud " + a.solicitudId() + " before the earlier " + previous.eventType()
                            + " (outbox " + previous.outboxId() + ")");
                }
                previous = a;
            }
        }
        return violations;
    }

    /** Each acknowledged action once: historial, payments and file links within [acknowledged, + uncertain]. */
    List<String> ledger(Ledger ledger) {
        List<String> violations = new ArrayList<>();
        List<Integer> ids = List.copyOf(ledger.solicitudes());
        if (ids.isEmpty()) {
            return violations;
        }
        Set<Integer> present = new HashSet<>(db.existing(ids));
        Map<String, Integer> campos = db.historialPerCampo(ids);
        Map<String, Integer> pagos = db.pagos(ids);
        Map<String, Integer> archivos = db.fileLinks(ids);
        for (int id : ids) {
            Ledger.Cuenta cuenta = ledger.cuenta(id);
            boolean exists = present.contains(id);
            if (cuenta.deleted() || (cuenta.maybeDeleted() && !exists)) {
                if (exists) {
                    violations.add("solicitud " + id + " was deleted (DELETE answered 200) and is still there");
                }
                continue;
            }
            if (!exists) {
                violations.add("solicitud " + id + " is gone, though no DELETE of it was sent");
                continue;
            }
            for (String campo : Accion.CAMPOS) {
                within(violations, id, "historial rows '" + campo + "'", campos.getOrDefault(id + " " + campo, 0),
                        cuenta.campoMin(campo), cuenta.campoMax(campo));
            }
            within(violations, id, "payments", pagos.getOrDefault(String.valueOf(id), 0), cuenta.pagosMin(),
                    cuenta.pagosMax());
            within(violations, id, "file links", archivos.getOrDefault(String.valueOf(id), 0), cuenta.archivosMin(),
                    cuenta.archivosMax());
        }
        return violations.size() > SHOWN * 3 ? violations.subList(0, SHOWN * 3) : violations;
    }

    private static void within(List<String> violations, int id, String what, int actual, int min, int max) {
        if (actual < min || actual > max) {
            violations.add("solicitud " + id + ": " + actual + " " + what + ", the acknowledged actions make "
                    + (min == max ? String.valueOf(min) : min + " to " + max));
        }
    }

    /** The state the API last answered for a solicitud (no request since) is the stored one. */
    List<String> estados(Map<Integer, String> known) {
        List<String> violations = new ArrayList<>();
        if (known.isEmpty()) {
            return violations;
        }
        Map<Integer, String> stored = db.estados(List.copyOf(known.keySet()));
        known.forEach((id, estado) -> {
            if (!estado.equals(stored.get(id)) && violations.size() < SHOWN) {
                violations.add("solicitud " + id + ": the API last answered " + estado + ", the database holds "
                        + stored.getOrDefault(id, "no row"));
            }
        });
        return violations;
    }

    /** The list's counters (decision 41) equal a COUNT(*) per estado_operativo. */
    List<String> counters() {
        Map<String, Integer> counted = db.countedPerEstado();
        Map<String, Integer> kept = db.countersPerEstado();
        List<String> violations = new ArrayList<>();
        Set<String> estados = new HashSet<>(counted.keySet());
        estados.addAll(kept.keySet());
        for (String e : estados) {
            int a = counted.getOrDefault(e, 0);
            int b = kept.getOrDefault(e, 0);
            if (a != b) {
                violations.add("solicitud_conteo holds " + b + " " + e + ", COUNT(*) gives " + a);
            }
        }
        return violations;
    }

    /** The report aggregates equal the rebuild from the source tables (reporting's ReportCheck). */
    List<String> reports() {
        ConnectionFactory factory = ConnectionFactories.get(ConnectionFactoryOptions.parse(r2dbcUrl));
        DatabaseClient db = DatabaseClient.create(factory);
        TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(factory));
        Map<String, List<String>> differences = new ReportCheck(db, tx).differences().block(Duration.ofMinutes(2));
        List<String> violations = new ArrayList<>();
        differences.forEach((table, rows) -> violations.add(table + " differs from the rebuild (- projected, "
                + "+ rebuilt): " + rows.subList(0, Math.min(rows.size(), SHOWN))
                + (rows.size() > SHOWN ? " and " + (rows.size() - SHOWN) + " more" : "")));
        return violations;
    }

    /** The bucket holds the object of every archivos row and nothing else under uploads/. */
    List<String> objects() {
        Set<String> rows = new HashSet<>(db.storagePaths());
        Set<String> stored = new HashSet<>();
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(s3Endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("cmep", "cmep")))
                .forcePathStyle(true).build()) {
            for (var page : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket)
                    .prefix("uploads/").build())) {
                page.contents().stream().map(S3Object::key).forEach(stored::add);
            }
        }
        List<String> violations = new ArrayList<>();
        Set<String> missing = new HashSet<>(rows);
        missing.removeAll(stored);
        Set<String> orphans = new HashSet<>(stored);
        orphans.removeAll(rows);
        if (!missing.isEmpty()) {
            violations.add(missing.size() + " archivos rows without their object, e.g. "
                    + missing.stream().limit(3).toList());
        }
        if (!orphans.isEmpty()) {
            violations.add(orphans.size() + " objects with no archivos row (a deleted solicitud's files not "
                    + "removed?), e.g. " + orphans.stream().limit(3).toList());
        }
        return violations;
    }
}
