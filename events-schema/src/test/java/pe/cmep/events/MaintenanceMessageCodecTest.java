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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class MaintenanceMessageCodecTest {

    private static final Instant AT = Instant.parse("2026-01-29T18:00:00Z");

    private final MaintenanceMessageCodec codec = new MaintenanceMessageCodec();
    private final JsonMapper json = JsonMapper.builder().build();
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void the_wire_format_names_task_version_utc_seconds_and_message_id() {
        MaintenanceMessage message = MaintenanceMessage.sessionCleanup(Instant.parse("2026-01-29T18:00:00.734Z"));

        JsonNode node = json.readTree(codec.toJson(message));

        assertThat(node.propertyNames()).containsExactly("task", "version", "requested_at", "message_id");
        assertThat(node.get("task").asString()).isEqualTo("session_cleanup");
        assertThat(node.get("version").asInt()).isEqualTo(1);
        assertThat(node.get("requested_at").asString()).isEqualTo("2026-01-29T18:00:00Z");
        assertThat(node.get("message_id").asString()).isEqualTo(message.messageId());
    }

    @Test
    void a_message_reads_back_equal_to_what_was_written() {
        MaintenanceMessage message = MaintenanceMessage.sessionCleanup(AT);

        assertThat(codec.fromJson(codec.toJson(message))).isEqualTo(message);
    }

    @Test
    void the_written_message_is_valid_against_its_schema() throws IOException {
        String written = codec.toJson(MaintenanceMessage.sessionCleanup(AT));

        assertThat(schemaOf(MaintenanceTask.SESSION_CLEANUP).validate(written, InputFormat.JSON)).isEmpty();
    }

    @Test
    void the_body_of_the_production_schedule_is_valid_and_readable() throws IOException {
        String input = scheduleInput();
        // what EventBridge Scheduler puts in its context attributes when the schedule fires
        String body = input.replace("<aws.scheduler.scheduled-time>", "2026-01-29T18:00:00Z")
                .replace("<aws.scheduler.execution-id>", "d32c5kddcf5bb8c3");

        assertThat(schemaOf(MaintenanceTask.SESSION_CLEANUP).validate(body, InputFormat.JSON)).isEmpty();
        assertThat(codec.fromJson(body))
                .isEqualTo(new MaintenanceMessage(MaintenanceTask.SESSION_CLEANUP, AT, "d32c5kddcf5bb8c3"));
    }

    @Test
    void there_is_one_schema_file_per_maintenance_task_and_no_other() throws IOException, URISyntaxException {
        URL dir = getClass().getClassLoader().getResource("schemas");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            assertThat(files.map(f -> "schemas/" + f.getFileName()).filter(f -> f.startsWith("schemas/maintenance.")))
                    .containsExactlyInAnyOrder(Arrays.stream(MaintenanceTask.values())
                            .map(MaintenanceTask::schemaResource).toArray(String[]::new));
        }
    }

    @Test
    void unknown_fields_are_ignored() {
        MaintenanceMessage message = MaintenanceMessage.sessionCleanup(AT);
        ObjectNode node = (ObjectNode) json.readTree(codec.toJson(message));
        node.put("schedule_arn", "arn:aws:scheduler:us-east-1:123456789012:schedule/default/cmep");

        assertThat(codec.fromJson(node.toString())).isEqualTo(message);
    }

    @Test
    void an_unknown_task_is_refused_with_its_name_and_message_id() {
        ObjectNode node = (ObjectNode) json.readTree(codec.toJson(MaintenanceMessage.sessionCleanup(AT)));
        node.put("task", "vacuum_files");

        assertThatThrownBy(() -> codec.fromJson(node.toString()))
                .isInstanceOf(InvalidMaintenanceMessageException.class)
                .hasMessageContaining("Unknown maintenance task 'vacuum_files'")
                .hasMessageContaining(node.get("message_id").asString());
    }

    @Test
    void an_unknown_major_version_is_refused_with_the_version_it_reads() {
        ObjectNode node = (ObjectNode) json.readTree(codec.toJson(MaintenanceMessage.sessionCleanup(AT)));
        node.put("version", 2);

        assertThatThrownBy(() -> codec.fromJson(node.toString()))
                .isInstanceOf(InvalidMaintenanceMessageException.class)
                .hasMessageContaining("Unsupported major version 2 of session_cleanup")
                .hasMessageContaining("reads v1");
    }

    @Test
    void text_that_is_not_a_maintenance_message_is_refused() {
        assertThatThrownBy(() -> codec.fromJson("not json"))
                .isInstanceOf(InvalidMaintenanceMessageException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> codec.fromJson("[1]"))
                .isInstanceOf(InvalidMaintenanceMessageException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> codec.fromJson("{\"task\":\"session_cleanup\",\"version\":1,\"message_id\":\"m1\"}"))
                .isInstanceOf(InvalidMaintenanceMessageException.class)
                .hasMessageContaining("requested_at");
        assertThatThrownBy(() -> codec.fromJson("{\"task\":\"session_cleanup\",\"version\":\"1\","
                + "\"requested_at\":\"2026-01-29T18:00:00Z\",\"message_id\":\"m1\"}"))
                .isInstanceOf(InvalidMaintenanceMessageException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> codec.fromJson("{\"task\":\"session_cleanup\",\"version\":1,"
                + "\"requested_at\":\"yesterday\",\"message_id\":\"m1\"}"))
                .isInstanceOf(InvalidMaintenanceMessageException.class)
                .hasMessageContaining("message_id m1");
        assertThatThrownBy(() -> codec.fromJson("{\"task\":\"session_cleanup\",\"version\":1,"
                + "\"requested_at\":\"2026-01-29T18:00:00Z\",\"message_id\":\"\"}"))
                .isInstanceOf(InvalidMaintenanceMessageException.class)
                .hasMessageContaining("message_id");
    }

    /** The target input of {@code infra/eventbridge-session-cleanup.yaml}. */
    private static String scheduleInput() throws IOException {
        Matcher input = Pattern.compile("^\\s*Input: '(.*)'$", Pattern.MULTILINE)
                .matcher(Files.readString(Path.of("..", "infra", "eventbridge-session-cleanup.yaml")));
        assertThat(input.find()).as("a single-quoted Input in the template").isTrue();
        return input.group(1);
    }

    private Schema schemaOf(MaintenanceTask task) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(task.schemaResource())) {
            assertThat(in).as(task.schemaResource()).isNotNull();
            return schemas.getSchema(in, InputFormat.JSON);
        }
    }
}
