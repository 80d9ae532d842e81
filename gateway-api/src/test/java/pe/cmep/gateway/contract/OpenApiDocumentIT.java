package pe.cmep.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import pe.cmep.gateway.support.ApiIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document the running app serves is the committed docs/openapi.json, from which the web app's API types are
 * generated: a change of the contract shows as a diff of that file in the same commit.
 */
class OpenApiDocumentIT extends ApiIntegrationTest {

    /** gateway-api's tests run in the module's folder. */
    static final Path COMMITTED = Path.of("..", "docs", "openapi.json");

    static final String REGENERATE = "./mvnw -B -q -pl gateway-api -am test -Dtest=OpenApiDocumentIT"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dcmep.openapi.write=true";

    @Test
    void the_served_document_is_the_committed_one() throws IOException {
        String served = new String(client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("cmep.openapi.write")) {
            Files.writeString(COMMITTED, served.endsWith("\n") ? served : served + "\n");
            return;
        }
        JsonMapper mapper = JsonMapper.builder().build();
        assertThat(mapper.readTree(served))
                .withFailMessage("The app's OpenAPI document differs from %s. If the change of the contract is meant,"
                        + " regenerate the file, review its diff and commit it with the change:%n  %s%n"
                        + "(then `npm run gen:api` in frontend/ regenerates the web app's types)",
                        COMMITTED.toAbsolutePath().normalize(), REGENERATE)
                .isEqualTo(mapper.readTree(Files.readString(COMMITTED)));
    }
}
