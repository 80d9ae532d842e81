package pe.cmep.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/events.md is the catalogue the people who write consumers read; this keeps it equal to the code: every
 * event type is documented with its record and every payload field of its JSON Schema, every documented type
 * exists, every schema file belongs to a documented message.
 */
class EventCatalogueTest {

    private static final Path CATALOGUE = Path.of("..", "docs", "events.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+\\.[a-z_]+)` \\| `([A-Za-z]+)` \\|(.*)\\|(.*)\\|$");
    private static final Pattern SAME_AS = Pattern.compile("^\\s*as `([a-z_]+\\.[a-z_]+)`");
    private static final Pattern CODE = Pattern.compile("`([a-z_]+)`");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Row(String type, String record, String payload) {
    }

    @Test
    void every_event_type_is_in_the_catalogue_with_its_record_and_schema_fields() {
        Map<String, Row> rows = rows();
        Map<String, String> documented = new LinkedHashMap<>();
        for (SolicitudEventType t : SolicitudEventType.values()) {
            documented.put(t.type(), t.payloadClass().getSimpleName());
            assertDocumented(rows, t.type(), t.payloadClass().getSimpleName(), t.schemaResource());
        }
        for (ArchivoEventType t : ArchivoEventType.values()) {
            documented.put(t.type(), t.payloadClass().getSimpleName());
            assertDocumented(rows, t.type(), t.payloadClass().getSimpleName(), t.schemaResource());
        }
        assertThat(rows.keySet()).as("documented types that the code does not have")
                .containsExactlyInAnyOrderElementsOf(documented.keySet());
    }

    @Test
    void every_schema_file_belongs_to_a_documented_message() throws IOException {
        Map<String, Row> rows = rows();
        String catalogue = read();
        List<String> schemas;
        try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "schemas"))) {
            schemas = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(schemas).isNotEmpty().allSatisfy(file -> {
            String type = file.replaceFirst("\\.v\\d+\\.json$", "");
            assertThat(rows.containsKey(type) || catalogue.contains(file))
                    .as(file + " is the schema of a catalogued event or named in docs/events.md").isTrue();
        });
    }

    @Test
    void the_maintenance_message_fields_are_the_documented_ones() {
        JsonNode schema = schema("schemas/maintenance.session_cleanup.v1.json");
        String catalogue = read();
        String section = catalogue.substring(catalogue.indexOf("## Maintenance messages"));
        schema.get("properties").propertyNames().forEach(field ->
                assertThat(section).as("maintenance field " + field).contains("| `" + field + "` |"));
    }

    private void assertDocumented(Map<String, Row> rows, String type, String record, String schemaResource) {
        assertThat(rows).as("docs/events.md has a row for " + type).containsKey(type);
        Row row = rows.get(type);
        assertThat(row.record()).as("the record of " + type).isEqualTo(record);
        List<String> fields = new ArrayList<>();
        schema(schemaResource).get("properties").get("payload").get("properties").propertyNames()
                .forEach(fields::add);
        fields.remove("state");
        List<String> documentedFields = fieldsOf(rows, row);
        assertThat(documentedFields).as("payload fields of " + type + " in docs/events.md")
                .containsAll(fields);
    }

    private static List<String> fieldsOf(Map<String, Row> rows, Row row) {
        Matcher same = SAME_AS.matcher(row.payload());
        List<String> fields = new ArrayList<>();
        if (same.find()) {
            fields.addAll(fieldsOf(rows, rows.get(same.group(1))));
        }
        Matcher code = CODE.matcher(row.payload());
        while (code.find()) {
            fields.add(code.group(1));
        }
        return fields;
    }

    private static Map<String, Row> rows() {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : read().split("\n")) {
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                rows.put(m.group(1), new Row(m.group(1), m.group(2), m.group(4)));
            }
        }
        return rows;
    }

    private static JsonNode schema(String resource) {
        try (InputStream in = EventCatalogueTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read() {
        try {
            return Files.readString(CATALOGUE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
