package pe.cmep.file.eventos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import pe.cmep.events.ArchivoDeleted;
import pe.cmep.events.ArchivoEvent;
import pe.cmep.events.ArchivoEventCodec;
import pe.cmep.events.ArchivoUploaded;
import pe.cmep.events.AwsResources.QueueSpec;
import pe.cmep.file.BucketProbe;
import pe.cmep.file.FileWorkerIntegrationTest;
import pe.cmep.localstack.EmbeddedBackendOnly;
import pe.cmep.localstack.StandIns;
import pe.cmep.localstack.TestBackends;
import pe.cmep.platform.aws.AwsResourceProperties;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** File events on the real queue, handled by the running worker against the real bucket and database. */
class FileEventsIT extends FileWorkerIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger SOLICITUDES = new AtomicInteger(1000);
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    S3Client s3;

    private final SqsClient sqsClient = TestBackends.shared().sqsClient();

    @Autowired
    AwsResourceProperties aws;

    @Autowired
    DatabaseClient db;

    @Autowired
    MeterRegistry registry;

    private final ArchivoEventCodec codec = new ArchivoEventCodec();

    @AfterEach
    void closeClient() {
        sqsClient.close();
    }

    /** An uploaded file as the gateway leaves it: the object, and its row waiting for a verdict. */
    private Uploaded upload(byte[] bytes, String extension, String mimeType) {
        String key = "uploads/" + UUID.randomUUID().toString().replace("-", "") + extension;
        s3.putObject(b -> b.bucket(aws.bucket()).key(key).contentType(mimeType), RequestBody.fromBytes(bytes));
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        int archivoId = db.sql("INSERT INTO archivos (nombre_original, nombre_storage, tipo, mime_type, tamano_bytes, "
                        + "storage_path, estado_verificacion, created_at, updated_at) VALUES ('x' , :storage, 'OTROS', "
                        + ":mime, :size, :key, 'PENDIENTE', :now, :now)")
                .bind("storage", key.substring("uploads/".length()))
                .bind("mime", mimeType)
                .bind("size", bytes.length)
                .bind("key", key)
                .bind("now", now)
                .filter(s -> s.returnGeneratedValues("archivo_id"))
                .map((row, meta) -> ((Number) row.get(0)).intValue())
                .one().block();
        ArchivoEvent event = ArchivoEvent.of(archivoId, SOLICITUDES.incrementAndGet(), 1, Instant.now(),
                new ArchivoUploaded(key, mimeType, bytes.length));
        return new Uploaded(archivoId, key, event);
    }

    private record Uploaded(int archivoId, String key, ArchivoEvent event) {
    }

    private void send(String body, String groupId, String dedupId) {
        String url = sqsClient.getQueueUrl(r -> r.queueName(queue().name())).queueUrl();
        sqsClient.sendMessage(r -> r.queueUrl(url).messageBody(body).messageGroupId(groupId)
                .messageDeduplicationId(dedupId));
    }

    private void send(ArchivoEvent event) {
        send(codec.toJson(event), Integer.toString(event.solicitudId()), event.eventId().toString());
    }

    private QueueSpec queue() {
        return aws.queue("file-events");
    }

    private Map<String, Object> row(int archivoId) {
        return db.sql("SELECT estado_verificacion, sha256, motivo_rechazo FROM archivos WHERE archivo_id = :id")
                .bind("id", archivoId)
                .fetch().one().block();
    }

    private String estado(int archivoId) {
        return (String) row(archivoId).get("estado_verificacion");
    }

    private long processed(ArchivoEvent event) {
        return db.sql("SELECT COUNT(*) FROM processed_event WHERE consumer = 'file-worker' AND event_id = :id")
                .bind("id", event.eventId().toString())
                .map((row, meta) -> ((Number) row.get(0)).longValue()).one().block();
    }

    private double events(String type, String outcome) {
        Counter counter = registry.find("cmep.files.events").tag("type", type).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private int depth(String queueName) {
        String url = sqsClient.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
        Map<QueueAttributeName, String> attributes = sqsClient.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Test
    void a_real_pdf_is_verified_with_its_sha256() throws Exception {
        Uploaded file = upload(PDF, ".pdf", "application/pdf");

        send(file.event());

        await().atMost(WAIT).until(() -> "VERIFICADO".equals(estado(file.archivoId())));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        assertThat(row(file.archivoId()).get("sha256")).isEqualTo(sha256);
        assertThat(row(file.archivoId()).get("motivo_rechazo")).isNull();
        assertThat(new BucketProbe(s3, aws.bucket()).exists(file.key())).isTrue();
        assertThat(processed(file.event())).isEqualTo(1);
    }

    @Test
    void html_renamed_to_pdf_is_rejected_with_its_reason_and_its_object_removed() {
        Uploaded file = upload("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), ".pdf",
                "application/pdf");

        send(file.event());

        await().atMost(WAIT).until(() -> "RECHAZADO".equals(estado(file.archivoId())));
        assertThat(row(file.archivoId()).get("motivo_rechazo"))
                .isEqualTo("El contenido no corresponde al tipo declarado (application/pdf)");
        assertThat(row(file.archivoId()).get("sha256")).isNull();
        await().atMost(WAIT).until(() -> !new BucketProbe(s3, aws.bucket()).exists(file.key()));
    }

    @Test
    void a_redelivered_event_is_applied_once() {
        Uploaded file = upload(PDF, ".pdf", "application/pdf");
        double duplicatesBefore = events("archivo.uploaded", "duplicate");

        send(file.event());
        await().atMost(WAIT).until(() -> "VERIFICADO".equals(estado(file.archivoId())));
        // the same event again, as SQS may deliver it (past the FIFO deduplication window: another dedup id)
        send(codec.toJson(file.event()), Integer.toString(file.event().solicitudId()), UUID.randomUUID().toString());

        await().atMost(WAIT).until(() -> events("archivo.uploaded", "duplicate") > duplicatesBefore);
        assertThat(processed(file.event())).isEqualTo(1);
        assertThat(estado(file.archivoId())).isEqualTo("VERIFICADO");
    }

    @Test
    void a_deleted_file_event_removes_the_object_and_a_repeat_is_harmless() {
        Uploaded file = upload(PDF, ".pdf", "application/pdf");
        db.sql("DELETE FROM archivos WHERE archivo_id = :id").bind("id", file.archivoId()).then().block();
        ArchivoEvent deleted = ArchivoEvent.of(file.archivoId(), file.event().solicitudId(), 1, Instant.now(),
                new ArchivoDeleted(file.key()));

        send(deleted);
        await().atMost(WAIT).until(() -> !new BucketProbe(s3, aws.bucket()).exists(file.key()));
        send(codec.toJson(deleted), Integer.toString(deleted.solicitudId()), UUID.randomUUID().toString());

        await().atMost(WAIT).until(() -> events("archivo.deleted", "duplicate") >= 1);
        assertThat(processed(deleted)).isEqualTo(1);
    }

    @Test
    void an_upload_whose_file_was_deleted_meanwhile_is_acknowledged_without_effect() {
        Uploaded file = upload(PDF, ".pdf", "application/pdf");
        db.sql("DELETE FROM archivos WHERE archivo_id = :id").bind("id", file.archivoId()).then().block();
        double goneBefore = events("archivo.uploaded", "file_gone");

        send(file.event());

        await().atMost(WAIT).until(() -> events("archivo.uploaded", "file_gone") > goneBefore);
        assertThat(processed(file.event())).isEqualTo(1);
    }

    @Test
    void an_unknown_version_ends_in_the_dead_letter_queue() {
        String body = codec.toJson(upload(PDF, ".pdf", "application/pdf").event()).replace("\"version\":1", "\"version\":9");
        int dlqBefore = depth(queue().dlqName());

        send(body, "77", UUID.randomUUID().toString());

        await().atMost(WAIT).until(() -> depth(queue().dlqName()) == dlqBefore + 1);
        String dlqUrl = sqsClient.getQueueUrl(r -> r.queueName(queue().dlqName())).queueUrl();
        sqsClient.purgeQueue(r -> r.queueUrl(dlqUrl));
    }

    @Test
    @EmbeddedBackendOnly("stops and starts S3Proxy; LocalStack has no S3 outage to cause")
    void with_storage_down_the_message_comes_back_and_is_applied_once_storage_returns() {
        Uploaded file = upload(PDF, ".pdf", "application/pdf");
        double failedBefore = events("archivo.uploaded", "failed");

        StandIns.shared().stopS3();
        try {
            send(file.event());
            await().atMost(WAIT).until(() -> events("archivo.uploaded", "failed") > failedBefore);
            assertThat(estado(file.archivoId())).isEqualTo("PENDIENTE");
            assertThat(processed(file.event())).isZero();
        } finally {
            StandIns.shared().startS3();
        }

        await().atMost(WAIT).until(() -> "VERIFICADO".equals(estado(file.archivoId())));
        assertThat(processed(file.event())).isEqualTo(1);
    }
}
