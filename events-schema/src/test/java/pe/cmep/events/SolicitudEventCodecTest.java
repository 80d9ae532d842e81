package pe.cmep.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class SolicitudEventCodecTest {

    private final SolicitudEventCodec codec = new SolicitudEventCodec();
    private final JsonMapper json = JsonMapper.builder().build();
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void every_payload_record_has_an_event_type_and_every_type_a_sample() {
        assertThat(Arrays.stream(SolicitudEventType.values()).<Class<?>>map(SolicitudEventType::payloadClass))
                .containsExactlyInAnyOrder(SolicitudEventPayload.class.getPermittedSubclasses());
        assertThat(SampleEvents.all().stream().map(SolicitudEvent::type))
                .containsExactlyInAnyOrder(Arrays.stream(SolicitudEventType.values())
                        .map(SolicitudEventType::type).toArray(String[]::new));
    }

    @Test
    void there_is_one_schema_file_per_solicitud_event_type_and_no_other() throws IOException, URISyntaxException {
        URL dir = getClass().getClassLoader().getResource("schemas");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            assertThat(files.map(f -> "schemas/" + f.getFileName()).filter(f -> f.startsWith("schemas/solicitud.")))
                    .containsExactlyInAnyOrder(Arrays.stream(SolicitudEventType.values())
                            .map(SolicitudEventType::schemaResource).toArray(String[]::new));
        }
    }

    @ParameterizedTest
    @EnumSource(SolicitudEventType.class)
    void the_json_of_every_type_is_valid_against_its_schema(SolicitudEventType type) throws IOException {
        String written = codec.toJson(SampleEvents.of(type));

        assertThat(schemaOf(type).validate(written, InputFormat.JSON)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SolicitudEventType.class)
    void every_type_reads_back_equal_to_what_was_written(SolicitudEventType type) {
        SolicitudEvent event = SampleEvents.of(type);

        SolicitudEvent read = codec.fromJson(codec.toJson(event));

        assertThat(read).isEqualTo(event);
        assertThat(read.payload()).isInstanceOf(type.payloadClass());
    }

    @Test
    void the_wire_format_is_snake_case_with_utc_seconds_iso_dates_and_money_as_strings() {
        SolicitudEvent event = SolicitudEvent.of(7, 1, Instant.parse("2026-01-29T15:10:02.987654Z"),
                SampleEvents.of(SolicitudEventType.PAYMENT_REGISTERED).payload());

        JsonNode node = json.readTree(codec.toJson(event));

        assertThat(node.get("event_id").asString()).isEqualTo(event.eventId().toString());
        assertThat(node.get("type").asString()).isEqualTo("solicitud.payment_registered");
        assertThat(node.get("version").asInt()).isEqualTo(1);
        assertThat(node.get("occurred_at").asString()).isEqualTo("2026-01-29T15:10:02Z");
        assertThat(node.get("solicitud_id").asInt()).isEqualTo(7);
        JsonNode payload = node.get("payload");
        assertThat(payload.get("monto").isString()).isTrue();
        assertThat(payload.get("monto").asString()).isEqualTo("150.50");
        assertThat(payload.get("fecha_pago").asString()).isEqualTo("2026-01-28");
        assertThat(payload.get("estado_pago_anterior").asString()).isEqualTo("PENDIENTE");
        assertThat(payload.get("state").get("updated_at").asString()).isEqualTo("2026-01-29T15:10:02Z");
        assertThat(payload.get("state").get("estado_operativo").asString()).isEqualTo("ASIGNADO_MEDICO");
    }

    @Test
    void a_deleted_solicitud_has_a_null_state_on_the_wire() {
        JsonNode payload = json.readTree(codec.toJson(SampleEvents.of(SolicitudEventType.DELETED))).get("payload");

        assertThat(payload.has("state")).isTrue();
        assertThat(payload.get("state").isNull()).isTrue();
        assertThat(payload.get("storage_keys").size()).isEqualTo(2);
    }

    @Test
    void the_schemas_refuse_camel_case_names_and_fractional_seconds() throws IOException {
        ObjectNode node = (ObjectNode) json.readTree(codec.toJson(SampleEvents.of(SolicitudEventType.CLOSED)));
        node.put("occurred_at", "2026-01-29T15:10:02.120Z");
        ObjectNode state = (ObjectNode) node.get("payload").get("state");
        state.set("updatedAt", state.remove("updated_at"));

        List<Error> errors = schemaOf(SolicitudEventType.CLOSED).validate(node.toString(), InputFormat.JSON);

        assertThat(errors).extracting(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .anySatisfy(m -> assertThat(m).contains("occurred_at"))
                .anySatisfy(m -> assertThat(m).contains("updated_at"))
                .anySatisfy(m -> assertThat(m).contains("updatedAt"));
    }

    @Test
    void unknown_fields_are_ignored_at_every_level() {
        SolicitudEvent event = SampleEvents.of(SolicitudEventType.CREATED);
        ObjectNode node = (ObjectNode) json.readTree(codec.toJson(event));
        node.put("trace_id", "abc");
        ObjectNode payload = (ObjectNode) node.get("payload");
        payload.put("canal_origen", "WEB");
        ((ObjectNode) payload.get("state")).putObject("extra").put("nested", true);

        assertThat(codec.fromJson(node.toString())).isEqualTo(event);
    }

    @Test
    void an_unknown_type_is_refused_with_its_name() {
        ObjectNode node = (ObjectNode) json.readTree(codec.toJson(SampleEvents.of(SolicitudEventType.CLOSED)));
        node.put("type", "solicitud.archived");

        assertThatThrownBy(() -> codec.fromJson(node.toString()))
                .isInstanceOf(UnsupportedEventException.class)
                .hasMessageContaining("Unknown event type 'solicitud.archived'")
                .hasMessageContaining(node.get("event_id").asString());
    }

    @Test
    void an_unknown_major_version_is_refused_with_the_version_it_reads() {
        ObjectNode node = (ObjectNode) json.readTree(codec.toJson(SampleEvents.of(SolicitudEventType.CLOSED)));
        node.put("version", 2);

        assertThatThrownBy(() -> codec.fromJson(node.toString()))
                .isInstanceOf(UnsupportedEventException.class)
                .hasMessageContaining("Unsupported major version 2 of solicitud.closed")
                .hasMessageContaining("reads v1");
    }

    @Test
    void text_that_is_not_an_event_is_malformed() {
        assertThatThrownBy(() -> codec.fromJson("not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.fromJson("{\"type\":\"solicitud.closed\"}"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("version");
        ObjectNode node = (ObjectNode) json.readTree(codec.toJson(SampleEvents.of(SolicitudEventType.PAYMENT_REGISTERED)));
        ((ObjectNode) node.get("payload")).remove("monto");
        assertThatThrownBy(() -> codec.fromJson(node.toString()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("monto");
    }

    @Test
    void an_envelope_must_name_the_type_and_version_of_its_payload() {
        assertThatThrownBy(() -> new SolicitudEvent(SampleEvents.of(SolicitudEventType.CLOSED).eventId(),
                SolicitudCancelled.TYPE, 1, SampleEvents.AT, 7, null,
                SampleEvents.of(SolicitudEventType.CLOSED).payload()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("solicitud.closed");
    }

    @Test
    void amounts_with_more_than_two_decimals_are_refused() {
        assertThatThrownBy(() -> new PaymentRegistered(1, "YAPE", SampleEvents.AT.atZone(java.time.ZoneOffset.UTC)
                .toLocalDate(), new BigDecimal("10.005"), "PEN", "PENDIENTE", SampleEvents.PAID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("monto");
    }

    private Schema schemaOf(SolicitudEventType type) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            return schemas.getSchema(in, InputFormat.JSON);
        }
    }
}
