package pe.cmep.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import pe.cmep.gateway.support.ApiIntegrationTest;

/**
 * Swagger UI as the local profile serves it, beside the built web app (./cmep up): a browser that opens the UI or
 * the document gets them, not the web app's index.html.
 */
class SwaggerUiIT extends ApiIntegrationTest {

    static final String NAVIGATION = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final String INDEX = "<!doctype html><html><head><title>CMEP</title></head><body></body></html>";
    private static final Path DIST = dist();

    @DynamicPropertySource
    static void localProfile(DynamicPropertyRegistry registry) {
        registry.add("cmep.spa.dir", DIST::toString);
        registry.add("springdoc.swagger-ui.enabled", () -> "true");
    }

    @AfterAll
    static void removeDist() throws IOException {
        FileSystemUtils.deleteRecursively(DIST.getParent());
    }

    @Test
    void swagger_ui_opens_in_a_browser() {
        URI ui = client.get().uri("/swagger-ui.html").header(HttpHeaders.ACCEPT, NAVIGATION)
                .exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getLocation();
        String page = client.get().uri(ui.getPath()).header(HttpHeaders.ACCEPT, NAVIGATION)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).isNotEqualTo(INDEX).contains("swagger-ui");
    }

    @Test
    void the_document_and_the_ui_settings_are_json_for_a_browser_too() {
        for (String path : new String[] {"/v3/api-docs", "/v3/api-docs/swagger-config"}) {
            client.get().uri(path).header(HttpHeaders.ACCEPT, NAVIGATION)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        }
    }

    private static Path dist() {
        try {
            Path dist = Files.createTempDirectory("cmep-swagger-ui").resolve("dist");
            Files.createDirectories(dist);
            Files.writeString(dist.resolve("index.html"), INDEX);
            return dist;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
