package pe.cmep.gateway.archivo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import pe.cmep.events.ArchivoDeleted;
import pe.cmep.events.ArchivoEvent;
import pe.cmep.events.ArchivoEventCodec;
import pe.cmep.events.ArchivoUploaded;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;
import pe.cmep.localstack.EmbeddedBackendOnly;
import pe.cmep.localstack.StandIns;
import pe.cmep.platform.aws.AwsResourceProperties;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ArchivosApiIT extends ApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger DOCUMENTOS = new AtomicInteger(71_000_000);
    private static final int MAX = 10 * 1024 * 1024;

    @Autowired
    S3Client s3;

    @Autowired
    AwsResourceProperties aws;

    private String session(String user) {
        return login(user + "@cmep.local", user + "123");
    }

    private int solicitud(String operador) {
        String body = "{\"cliente\": {\"tipo_documento\": \"DNI\", \"numero_documento\": \""
                + DOCUMENTOS.incrementAndGet() + "\", \"nombres\": \"Rosa\", \"apellidos\": \"Quispe\"}, "
                + "\"servicio_id\": 1}";
        return data(client.post().uri("/solicitudes").cookie(SessionCookies.NAME, operador)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult()).get("solicitud_id").asInt();
    }

    private WebTestClient.ResponseSpec upload(String session, int solicitudId, byte[] bytes, String filename,
                                              String contentType, String tipo, String pagoId) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        var part = form.part("file", bytes).filename(filename);
        if (contentType != null) {
            part.contentType(MediaType.parseMediaType(contentType));
        }
        if (tipo != null) {
            form.part("tipo_archivo", tipo);
        }
        if (pagoId != null) {
            form.part("pago_id", pagoId);
        }
        WebTestClient.RequestBodySpec spec = client.post().uri("/solicitudes/{id}/archivos", solicitudId);
        if (session != null) {
            spec.cookie(SessionCookies.NAME, session);
        }
        return spec.contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build())).exchange();
    }

    private int uploaded(String session, int solicitudId, byte[] bytes, String filename, String contentType) {
        return data(upload(session, solicitudId, bytes, filename, contentType, null, null)
                .expectStatus().isOk().expectBody(byte[].class).returnResult()).get("archivo_id").asInt();
    }

    /** The test client buffers whole answers; a download may be larger than the API's JSON limit. */
    private WebTestClient bigBodies() {
        return client.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(2 * MAX)).build();
    }

    private static JsonNode data(EntityExchangeResult<byte[]> result) {
        return JSON.readTree(result.getResponseBody()).get("data");
    }

    private static JsonNode error(WebTestClient.ResponseSpec response, int status) {
        byte[] body = response.expectStatus().isEqualTo(status).expectBody(byte[].class).returnResult().getResponseBody();
        JsonNode node = JSON.readTree(body);
        assertThat(node.get("ok").asBoolean()).isFalse();
        return node.get("error");
    }

    private String key(int archivoId) {
        return db.sql("SELECT storage_path FROM archivos WHERE archivo_id = :id").bind("id", archivoId)
                .map((row, meta) -> row.get(0, String.class)).one().block();
    }

    private boolean objectExists(String key) {
        try {
            s3.headObject(b -> b.bucket(aws.bucket()).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private long objectCount() {
        return s3.listObjectsV2Paginator(b -> b.bucket(aws.bucket()).prefix("uploads/")).contents().stream()
                .filter(o -> !o.key().endsWith("/")).count();
    }

    private String outboxPayload(String type, int archivoId) {
        return db.sql("SELECT payload FROM outbox_event WHERE event_type = :type AND queue_role = 'file-events' "
                        + "AND payload LIKE :archivo ORDER BY outbox_id DESC LIMIT 1")
                .bind("type", type)
                .bind("archivo", "%\"archivo_id\":" + archivoId + ",%")
                .map((row, meta) -> row.get(0, String.class)).one().block();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void upload_then_download_gives_back_the_same_bytes_as_an_attachment() {
        String operador = session("operador");
        int solicitudId = solicitud(operador);
        byte[] bytes = random(300_000);

        JsonNode data = data(upload(operador, solicitudId, bytes, "foto del voucher.png", "image/png",
                "DOCUMENTO", null).expectStatus().isOk().expectBody(byte[].class).returnResult());

        int archivoId = data.get("archivo_id").asInt();
        assertThat(data.get("nombre").asString()).isEqualTo("foto del voucher.png");
        assertThat(data.get("tipo").asString()).isEqualTo("DOCUMENTO");
        assertThat(data.get("tamano_bytes").asLong()).isEqualTo(300_000);
        assertThat(data.get("mime_type").asString()).isEqualTo("image/png");
        assertThat(data.get("estado_verificacion").asString()).isEqualTo("PENDIENTE");
        assertThat(key(archivoId)).matches("uploads/[0-9a-f]{32}\\.png");
        assertThat(count("SELECT COUNT(*) FROM solicitud_archivo WHERE archivo_id = " + archivoId
                + " AND solicitud_id = " + solicitudId + " AND pago_id IS NULL")).isEqualTo(1);

        EntityExchangeResult<byte[]> download = bigBodies().get().uri("/archivos/{id}", archivoId)
                .cookie(SessionCookies.NAME, session("medico"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"foto del voucher.png\"; filename*=UTF-8''foto%20del%20voucher.png")
                .expectBody(byte[].class).returnResult();
        assertThat(download.getResponseBody()).isEqualTo(bytes);
    }

    @Test
    void an_upload_writes_an_archivo_uploaded_event_for_the_file_worker() {
        String gestor = session("gestor");
        int solicitudId = solicitud(session("operador"));

        int archivoId = uploaded(gestor, solicitudId, "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "a.pdf",
                "application/pdf");

        ArchivoEvent event = new ArchivoEventCodec().fromJson(outboxPayload("archivo.uploaded", archivoId));
        assertThat(event.solicitudId()).isEqualTo(solicitudId);
        assertThat(event.payload()).isEqualTo(new ArchivoUploaded(key(archivoId), "application/pdf", 8));
    }

    @Test
    void an_empty_file_is_accepted_and_downloads_empty() {
        String operador = session("operador");
        int archivoId = uploaded(operador, solicitud(operador), new byte[0], "vacio.pdf", "application/pdf");

        byte[] body = client.get().uri("/archivos/{id}", archivoId).cookie(SessionCookies.NAME, operador)
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(body == null ? new byte[0] : body).isEmpty();
        assertThat(count("SELECT tamano_bytes FROM archivos WHERE archivo_id = " + archivoId)).isZero();
    }

    @Test
    void a_file_of_exactly_10_mib_is_accepted_and_one_byte_more_is_413_leaving_nothing_behind() {
        String operador = session("operador");
        int solicitudId = solicitud(operador);
        byte[] limit = random(MAX);

        int archivoId = uploaded(operador, solicitudId, limit, "grande.pdf", "application/pdf");
        byte[] back = bigBodies().get().uri("/archivos/{id}", archivoId).cookie(SessionCookies.NAME, operador)
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(back).isEqualTo(limit);

        long rows = count("SELECT COUNT(*) FROM archivos");
        long objects = objectCount();
        JsonNode error = error(upload(operador, solicitudId, random(MAX + 1), "grande.pdf", "application/pdf",
                null, null), 413);
        assertThat(error.get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(error.get("message").asString()).isEqualTo("Archivo excede el tamano maximo (10 MB)");
        assertThat(count("SELECT COUNT(*) FROM archivos")).isEqualTo(rows);
        assertThat(objectCount()).isEqualTo(objects);
    }

    @Test
    void a_traversal_file_name_keeps_only_its_last_segment_and_the_key_stays_random() {
        String operador = session("operador");
        int archivoId = uploaded(operador, solicitud(operador), random(10), "../../../etc/passwd.pdf",
                "application/pdf");

        assertThat(db.sql("SELECT nombre_original FROM archivos WHERE archivo_id = :id").bind("id", archivoId)
                .map((row, meta) -> row.get(0, String.class)).one().block()).isEqualTo("passwd.pdf");
        assertThat(key(archivoId)).matches("uploads/[0-9a-f]{32}\\.pdf");
    }

    @Test
    void a_payment_evidence_is_linked_to_its_payment_and_listed_in_the_detail() {
        String operador = session("operador");
        String gestor = session("gestor");
        int solicitudId = solicitud(operador);
        client.post().uri("/solicitudes/{id}/asignar-gestor", solicitudId).cookie(SessionCookies.NAME, operador)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"persona_id_gestor\": 3}")
                .exchange().expectStatus().isOk();
        JsonNode detail = data(client.post().uri("/solicitudes/{id}/registrar-pago", solicitudId)
                .cookie(SessionCookies.NAME, gestor).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": \"150.00\"}")
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult());
        int pagoId = detail.get("pagos").get(0).get("pago_id").asInt();

        JsonNode subido = data(upload(gestor, solicitudId, random(2048), "voucher.jpg", "image/jpeg",
                "EVIDENCIA_PAGO", Integer.toString(pagoId)).expectStatus().isOk().expectBody(byte[].class)
                .returnResult());

        JsonNode archivos = data(client.get().uri("/solicitudes/{id}", solicitudId).cookie(SessionCookies.NAME, gestor)
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult()).get("archivos");
        assertThat(archivos).hasSize(1);
        JsonNode archivo = archivos.get(0);
        assertThat(archivo.get("archivo_id").asInt()).isEqualTo(subido.get("archivo_id").asInt());
        assertThat(archivo.get("pago_id").asInt()).isEqualTo(pagoId);
        assertThat(archivo.get("nombre").asString()).isEqualTo("voucher.jpg");
        assertThat(archivo.get("tipo").asString()).isEqualTo("EVIDENCIA_PAGO");
        assertThat(archivo.get("mime_type").asString()).isEqualTo("image/jpeg");
        assertThat(archivo.get("tamano_bytes").asInt()).isEqualTo(2048);
        assertThat(archivo.get("estado_verificacion").asString()).isEqualTo("PENDIENTE");
        assertThat(archivo.get("sha256").isNull()).isTrue();
    }

    @Test
    void a_payment_of_another_solicitud_is_422() {
        String operador = session("operador");
        int solicitudId = solicitud(operador);
        int otra = solicitud(operador);
        client.post().uri("/solicitudes/{id}/asignar-gestor", otra).cookie(SessionCookies.NAME, operador)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"persona_id_gestor\": 3}")
                .exchange().expectStatus().isOk();
        int pagoAjeno = data(client.post().uri("/solicitudes/{id}/registrar-pago", otra)
                .cookie(SessionCookies.NAME, session("gestor")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": \"10.00\"}")
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult())
                .get("pagos").get(0).get("pago_id").asInt();

        JsonNode error = error(upload(operador, solicitudId, random(5), "v.pdf", "application/pdf",
                "EVIDENCIA_PAGO", Integer.toString(pagoAjeno)), 422);

        assertThat(error.get("message").asString()).isEqualTo("pago_id no pertenece a esta solicitud");
        assertThat(error.get("details").get(0).get("field").asString()).isEqualTo("pago_id");
    }

    @Test
    void a_type_outside_the_allow_list_is_422_and_stores_nothing() {
        String operador = session("operador");
        int solicitudId = solicitud(operador);
        long rows = count("SELECT COUNT(*) FROM archivos");
        long objects = objectCount();

        for (String[] refused : new String[][] {{"pagina.html", "text/html"}, {"programa.exe", "application/octet-stream"},
                {"voucher.pdf", "text/html"}, {"dibujo.svg", "image/svg+xml"}}) {
            JsonNode error = error(upload(operador, solicitudId, "<html></html>".getBytes(StandardCharsets.UTF_8),
                    refused[0], refused[1], null, null), 422);
            assertThat(error.get("message").asString()).as(refused[0]).isEqualTo("Tipo de archivo no permitido");
        }
        assertThat(count("SELECT COUNT(*) FROM archivos")).isEqualTo(rows);
        assertThat(objectCount()).isEqualTo(objects);
    }

    @Test
    void the_stored_type_is_the_one_of_the_extension_not_the_declaration() {
        String operador = session("operador");
        int archivoId = uploaded(operador, solicitud(operador), random(10), "scan.PDF", "application/octet-stream");

        client.get().uri("/archivos/{id}", archivoId).cookie(SessionCookies.NAME, operador).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF);
        assertThat(key(archivoId)).endsWith(".pdf");
    }

    @Test
    void form_errors_come_in_the_spec_order() {
        String operador = session("operador");
        int solicitudId = solicitud(operador);

        JsonNode missing = error(client.post().uri("/solicitudes/{id}/archivos", solicitudId)
                .cookie(SessionCookies.NAME, operador).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData("tipo_archivo", "OTROS")).exchange(), 422);
        assertThat(missing.get("details").get(0).get("field").asString()).isEqualTo("file");

        JsonNode notMultipart = error(client.post().uri("/solicitudes/{id}/archivos", solicitudId)
                .cookie(SessionCookies.NAME, operador).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange(), 422);
        assertThat(notMultipart.get("details").get(0).get("field").asString()).isEqualTo("file");

        JsonNode tipo = error(upload(operador, 999_999, random(MAX + 1), "x.exe", "text/html", "FOTO", null), 422);
        assertThat(tipo.get("message").asString())
                .isEqualTo("tipo_archivo debe ser uno de: DOCUMENTO, EVIDENCIA_PAGO, OTROS");

        JsonNode unknown = error(upload(operador, 999_999, random(MAX + 1), "x.exe", "text/html", null, null), 404);
        assertThat(unknown.get("message").asString()).isEqualTo("Solicitud no encontrada");

        error(upload(operador, solicitudId, random(MAX + 1), "x.exe", "text/html", null, null), 413);
    }

    @Test
    void a_part_whose_content_type_is_no_media_type_is_422_not_500() {
        String operador = session("operador");
        int solicitudId = solicitud(operador);
        byte[] form = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf; charset=\u00ff\r\n\r\n%PDF-1.4\r\n--b--\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        JsonNode error = error(client.post().uri("/solicitudes/{id}/archivos", solicitudId)
                .cookie(SessionCookies.NAME, operador).header("Content-Type", "multipart/form-data; boundary=b")
                .bodyValue(form).exchange(), 422);
        assertThat(error.get("details").get(0).get("field").asString()).isEqualTo("file");
    }

    @Test
    void without_a_session_every_file_endpoint_is_401() {
        String operador = session("operador");
        int solicitudId = solicitud(operador);
        int archivoId = uploaded(operador, solicitudId, random(10), "a.pdf", "application/pdf");

        error(upload(null, solicitudId, random(10), "a.pdf", "application/pdf", null, null), 401);
        error(upload("0123456789abcdef0123456789abcdef", solicitudId, random(10), "a.pdf", "application/pdf",
                null, null), 401);
        error(client.get().uri("/archivos/{id}", archivoId).exchange(), 401);
        error(client.delete().uri("/archivos/{id}", archivoId).exchange(), 401);
        assertThat(count("SELECT COUNT(*) FROM archivos WHERE archivo_id = " + archivoId)).isEqualTo(1);
    }

    @Test
    void every_role_may_upload_download_and_delete_as_the_spec_says() {
        int solicitudId = solicitud(session("operador"));
        for (String user : new String[] {"admin", "operador", "gestor", "medico"}) {
            String session = session(user);
            int archivoId = uploaded(session, solicitudId, random(64), user + ".pdf", "application/pdf");
            client.get().uri("/archivos/{id}", archivoId).cookie(SessionCookies.NAME, session).exchange()
                    .expectStatus().isOk();
            client.delete().uri("/archivos/{id}", archivoId).cookie(SessionCookies.NAME, session).exchange()
                    .expectStatus().isOk();
        }
    }

    @Test
    void unknown_or_malformed_file_ids_are_404_and_422() {
        String operador = session("operador");

        JsonNode get = error(client.get().uri("/archivos/999999").cookie(SessionCookies.NAME, operador).exchange(), 404);
        assertThat(get.get("message").asString()).isEqualTo("Archivo no encontrado");
        error(client.delete().uri("/archivos/999999").cookie(SessionCookies.NAME, operador).exchange(), 404);
        error(client.get().uri("/archivos/abc").cookie(SessionCookies.NAME, operador).exchange(), 422);
    }

    @Test
    void a_row_whose_object_is_gone_is_404_with_the_storage_message() {
        String operador = session("operador");
        int archivoId = uploaded(operador, solicitud(operador), random(10), "a.pdf", "application/pdf");
        s3.deleteObject(b -> b.bucket(aws.bucket()).key(key(archivoId)));

        JsonNode error = error(client.get().uri("/archivos/{id}", archivoId).cookie(SessionCookies.NAME, operador)
                .exchange(), 404);

        assertThat(error.get("message").asString()).isEqualTo("Archivo fisico no encontrado en storage");
    }

    @Test
    void a_file_rejected_by_the_file_worker_is_409_whether_or_not_its_object_is_still_there() {
        String operador = session("operador");
        int solicitudId = solicitud(operador);
        int removed = uploaded(operador, solicitudId, "<html>".getBytes(), "a.pdf", "application/pdf");
        int kept = uploaded(operador, solicitudId, "<html>".getBytes(), "b.pdf", "application/pdf");
        // what the file-worker leaves: the verdict and its reason, and (normally) no object
        execute("UPDATE archivos SET estado_verificacion = 'RECHAZADO', motivo_rechazo = 'no es un PDF' "
                + "WHERE archivo_id IN (" + removed + ", " + kept + ")");
        s3.deleteObject(b -> b.bucket(aws.bucket()).key(key(removed)));

        for (int archivoId : new int[] {removed, kept}) {
            JsonNode error = error(client.get().uri("/archivos/{id}", archivoId).cookie(SessionCookies.NAME, operador)
                    .exchange(), 409);

            assertThat(error.get("code").asString()).isEqualTo("CONFLICT");
            assertThat(error.get("message").asString()).isEqualTo("Archivo rechazado por verificacion");
        }
    }

    @Test
    void delete_removes_the_rows_at_once_and_leaves_the_object_to_the_file_worker() {
        String operador = session("operador");
        int solicitudId = solicitud(operador);
        int archivoId = uploaded(operador, solicitudId, random(10), "a.pdf", "application/pdf");
        String key = key(archivoId);

        client.delete().uri("/archivos/{id}", archivoId).cookie(SessionCookies.NAME, operador).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.ok").isEqualTo(true);

        assertThat(count("SELECT COUNT(*) FROM archivos WHERE archivo_id = " + archivoId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM solicitud_archivo WHERE archivo_id = " + archivoId)).isZero();
        ArchivoEvent event = new ArchivoEventCodec().fromJson(outboxPayload("archivo.deleted", archivoId));
        assertThat(event.solicitudId()).isEqualTo(solicitudId);
        assertThat(event.payload()).isEqualTo(new ArchivoDeleted(key));
        error(client.get().uri("/archivos/{id}", archivoId).cookie(SessionCookies.NAME, operador).exchange(), 404);
    }

    @Test
    void deleting_a_solicitud_writes_an_archivo_deleted_event_per_file() {
        String operador = session("operador");
        int solicitudId = solicitud(operador);
        int first = uploaded(operador, solicitudId, random(10), "a.pdf", "application/pdf");
        int second = uploaded(operador, solicitudId, random(20), "b.png", "image/png");
        String firstKey = key(first);
        String secondKey = key(second);

        client.delete().uri("/solicitudes/{id}", solicitudId).cookie(SessionCookies.NAME, session("admin"))
                .exchange().expectStatus().isOk();

        ArchivoEventCodec codec = new ArchivoEventCodec();
        assertThat(codec.fromJson(outboxPayload("archivo.deleted", first)).payload())
                .isEqualTo(new ArchivoDeleted(firstKey));
        assertThat(codec.fromJson(outboxPayload("archivo.deleted", second)).payload())
                .isEqualTo(new ArchivoDeleted(secondKey));
        assertThat(count("SELECT COUNT(*) FROM archivos WHERE archivo_id IN (" + first + ", " + second + ")")).isZero();
    }

    @Test
    @EmbeddedBackendOnly("stops and starts S3Proxy; LocalStack has no S3 outage to cause")
    void with_storage_down_upload_and_download_are_503_and_nothing_is_written() {
        String operador = session("operador");
        int solicitudId = solicitud(operador);
        int archivoId = uploaded(operador, solicitudId, random(10), "a.pdf", "application/pdf");
        long rows = count("SELECT COUNT(*) FROM archivos");
        long events = count("SELECT COUNT(*) FROM outbox_event WHERE queue_role = 'file-events'");

        StandIns.shared().stopS3();
        try {
            JsonNode up = error(upload(operador, solicitudId, random(1000), "b.pdf", "application/pdf", null, null), 503);
            assertThat(up.get("code").asString()).isEqualTo("STORAGE_UNAVAILABLE");
            JsonNode down = error(client.get().uri("/archivos/{id}", archivoId).cookie(SessionCookies.NAME, operador)
                    .exchange(), 503);
            assertThat(down.get("code").asString()).isEqualTo("STORAGE_UNAVAILABLE");
        } finally {
            StandIns.shared().startS3();
        }
        assertThat(count("SELECT COUNT(*) FROM archivos")).isEqualTo(rows);
        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE queue_role = 'file-events'")).isEqualTo(events);
        assertThat(objectExists(key(archivoId))).isTrue();
    }
}
