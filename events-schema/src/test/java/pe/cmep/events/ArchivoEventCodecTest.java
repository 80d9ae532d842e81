package pe.cmep.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ArchivoEventCodecTest {

    private static final Instant AT = Instant.parse("2026-01-29T15:10:02Z");
    private static final String KEY = "uploads/0123456789abcdef0123456789abcdef.pdf";

    private final ArchivoEventCodec codec = new ArchivoEventCodec();
    private final JsonMapper json = JsonMapper.builder().build();
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static ArchivoEvent sample(ArchivoEventType type) {
        ArchivoEventPayload payload = switch (type) {
            case UPLOADED -> new ArchivoUploaded(KEY, "application/pdf", 184233);
            case DELETED -> new ArchivoDeleted(KEY);
        };
        return ArchivoEvent.of(9, 7, 3, AT, payload);
    }

    @Test
    void every_payload_record_has_an_event_type() {
        assertThat(Arrays.stream(ArchivoEventType.values()).<Class<?>>map(ArchivoEventType::payloadClass))
                .containsExactlyInAnyOrder(ArchivoEventPayload.class.getPermittedSubclasses());
    }

    @Test
    void there_is_one_archivo_schema_file_per_event_type_and_no_other() throws IOException, URISyntaxException {
        URL dir = getClass().getClassLoader().getResource("schemas");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            assertThat(files.map(f -> "schemas/" + f.getFileName()).filter(f -> f.startsWith("schemas/archivo.")))
                    .containsExactlyInAnyOrder(Arrays.stream(ArchivoEventType.values())
                            .map(ArchivoEventType::schemaResource).toArray(String[]::new));
        }
    }

    @ParameterizedTest
    @EnumSource(ArchivoEventType.class)
    void the_json_of_every_type_is_valid_against_its_schema_and_reads_back_equal(ArchivoEventType type)
            throws IOException {
        ArchivoEvent event = sample(type);
        String written = codec.toJson(event);

        assertThat(schemaOf(type).validate(written, InputFormat.JSON)).isEmpty();
        assertThat(codec.fromJson(written)).isEqualTo(event);
    }

    @Test
    void the_wire_format_is_snake_case_with_the_file_and_its_solicitud() {
        JsonNode node = json.readTree(codec.toJson(sample(ArchivoEventType.UPLOADED)));

        assertThat(node.get("type").asString()).isEqualTo("archivo.uploaded");
        assertThat(node.get("archivo_id").asInt()).isEqualTo(9);
        assertThat(node.get("solicitud_id").asInt()).isEqualTo(7);
        assertThat(node.get("occurred_at").asString()).isEqualTo("2026-01-29T15:10:02Z");
        assertThat(node.get("payload").get("storage_key").asString()).isEqualTo(KEY);
        assertThat(node.get("payload").get("mime_type").asString()).isEqualTo("application/pdf");
        assertThat(node.get("payload").get("tamano_bytes").asLong()).isEqualTo(184233);
    }

    @Test
    void a_solicitud_event_is_not_a_file_event() {
        String solicitudEvent = new SolicitudEventCodec().toJson(SampleEvents.of(SolicitudEventType.CLOSED));

        assertThatThrownBy(() -> codec.fromJson(solicitudEvent))
                .isInstanceOf(UnsupportedEventException.class)
                .hasMessageContaining("solicitud.closed");
    }

    @Test
    void an_unknown_major_version_is_refused() {
        ObjectNode node = (ObjectNode) json.readTree(codec.toJson(sample(ArchivoEventType.DELETED)));
        node.put("version", 2);

        assertThatThrownBy(() -> codec.fromJson(node.toString()))
                .isInstanceOf(UnsupportedEventException.class)
                .hasMessageContaining("Unsupported major version 2 of archivo.deleted");
    }

    @Test
    void a_file_event_without_its_key_or_file_is_malformed() {
        ObjectNode noKey = (ObjectNode) json.readTree(codec.toJson(sample(ArchivoEventType.DELETED)));
        ((ObjectNode) noKey.get("payload")).remove("storage_key");
        ObjectNode noFile = (ObjectNode) json.readTree(codec.toJson(sample(ArchivoEventType.DELETED)));
        noFile.remove("archivo_id");

        assertThatThrownBy(() -> codec.fromJson(noKey.toString()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("storage_key");
        assertThatThrownBy(() -> codec.fromJson(noFile.toString()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("archivo_id");
    }

    private Schema schemaOf(ArchivoEventType type) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            return schemas.getSchema(in, InputFormat.JSON);
        }
    }
}
