package pe.cmep.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed document (docs/openapi.json, held to the running app by OpenApiDocumentIT) has exactly the endpoints
 * of api.md's index (§6): the same paths, with api.md's names for their variables, the same methods, the same auth
 * and success status.
 */
class ApiMdEndpointsTest {

    /** A row of api.md §6: | 9 | PATCH | `/solicitudes/{solicitud_id}` | policy:`EDITAR_DATOS` | 200 | */
    private static final Pattern ROW =
            Pattern.compile("^\\|\\s*\\d+\\s*\\|\\s*([A-Z]+)\\s*\\|\\s*`([^`]+)`\\s*\\|\\s*([^|]+?)\\s*\\|\\s*([^|]+?)\\s*\\|$");
    private static final Pattern STATUS = Pattern.compile("\\d{3}");

    @Test
    void the_document_has_exactly_api_mds_endpoints() throws IOException {
        assertThat(endpoints(document())).isEqualTo(endpoints(apiMd()));
    }

    /** "METHOD path" → "auth → status", from api.md's index. */
    private static Map<String, String> endpoints(String apiMd) {
        Map<String, String> endpoints = new TreeMap<>();
        for (String line : apiMd.lines().toList()) {
            Matcher row = ROW.matcher(line.trim());
            if (row.matches()) {
                Matcher status = STATUS.matcher(row.group(4));
                assertThat(status.find()).as("success status of %s", line).isTrue();
                endpoints.put(row.group(1) + " " + row.group(2), row.group(3).replace("`", "") + " → " + status.group());
            }
        }
        assertThat(endpoints).as("the rows of api.md §6").isNotEmpty();
        return endpoints;
    }

    private static Map<String, String> endpoints(JsonNode document) {
        Map<String, String> endpoints = new TreeMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String status = operation.getValue().get("responses").propertyNames().stream()
                    .filter(code -> code.startsWith("2")).findFirst().orElse("none");
            endpoints.put(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
                    operation.getValue().get("x-cmep-auth").asString() + " → " + status);
        }));
        return endpoints;
    }

    private static JsonNode document() throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(OpenApiDocumentIT.COMMITTED));
    }

    /**
     * The spec is not in this repository: it is shared/spec beside the clone (README), as on a developer's machine and
     * in CI; -Dcmep.spec.dir=... points elsewhere.
     */
    private static String apiMd() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        Path spec = Path.of(System.getProperty("cmep.spec.dir",
                module.getParent().getParent().resolve("shared").resolve("spec").toString()));
        Path apiMd = spec.resolve("api.md");
        assertThat(apiMd).as("api.md, the contract (set -Dcmep.spec.dir to the folder that holds it)").isRegularFile();
        return Files.readString(apiMd);
    }
}
