package pe.cmep.gateway.spa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;
import pe.cmep.gateway.support.RawHttpConnection;

/** The built web app on the API's origin, as {@code ./cmep up} serves it; the API answers as before. */
class SpaServingIT extends ApiIntegrationTest {

    /** What Chrome sends when the user opens a URL. */
    static final String NAVIGATION = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
            + "image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
    static final String INDEX = "<!doctype html><html><head><title>CMEP</title></head><body></body></html>";
    static final String SCRIPT = "console.log('cmep');";
    static final String SECRET = "not-for-the-web";

    /** The build in {@code dist/}, and beside it a file that must stay unreachable. */
    private static final Path HOME = build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void spa(DynamicPropertyRegistry registry) {
        registry.add("cmep.spa.dir", () -> HOME.resolve("dist").toString());
    }

    @AfterAll
    static void removeBuild() throws IOException {
        FileSystemUtils.deleteRecursively(HOME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/status", "/app", "/app/solicitudes/5", "/app/reportes-admin", "/xyz",
        "/xyz/deeper/", "/assets/gone.js"})
    void a_browser_navigation_outside_the_api_gets_index_html(String path) {
        client.get().uri(path).header(HttpHeaders.ACCEPT, NAVIGATION)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Content-Security-Policy", SpaFilter.CONTENT_SECURITY_POLICY)
                .expectHeader().valueEquals(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .expectBody(String.class).isEqualTo(INDEX);
    }

    @Test
    void a_hashed_asset_is_served_for_a_year_as_immutable() {
        client.get().uri("/assets/index-3f2a.js")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/javascript;charset=UTF-8")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, SpaFilter.IMMUTABLE)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().contentLength(SCRIPT.length())
                .expectBody(String.class).isEqualTo(SCRIPT);
    }

    @Test
    void other_files_of_the_build_are_revalidated() {
        client.get().uri("/favicon.svg")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("image/svg+xml")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache");
        client.get().uri("/index.html").header(HttpHeaders.ACCEPT, NAVIGATION)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(INDEX);
    }

    @Test
    void head_answers_the_headers_without_the_body() {
        client.head().uri("/assets/index-3f2a.js")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentLength(SCRIPT.length())
                .expectBody().isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "*/*", "application/json, text/html;q=0"})
    void an_api_client_gets_the_404_envelope_for_an_unknown_path(String accept) {
        client.get().uri("/xyz").header(HttpHeaders.ACCEPT, accept)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error.code").isEqualTo("NOT_FOUND");
        client.get().uri("/assets/gone.js").header(HttpHeaders.ACCEPT, accept)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void without_an_accept_header_an_unknown_path_is_the_404_envelope() throws IOException {
        try (RawHttpConnection connection = connection()) {
            RawHttpConnection.Response response = connection.send("GET", "/xyz", Map.of(), null);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).contains("\"NOT_FOUND\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/solicitudes", "/solicitudes/5", "/archivos/1", "/auth/me", "/admin/usuarios",
        "/promotores"})
    void api_paths_keep_their_json_answers_for_a_browser_navigation(String path) {
        client.get().uri(path).header(HttpHeaders.ACCEPT, NAVIGATION)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void an_api_path_with_an_encoded_letter_is_still_the_apis() throws IOException {
        try (RawHttpConnection connection = connection()) {
            RawHttpConnection.Response response = connection.send("GET", "/solicitude%73",
                    Map.of("Accept", NAVIGATION), null);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).contains("\"UNAUTHENTICATED\"");
        }
    }

    @Test
    void an_unknown_path_under_an_api_segment_is_the_apis_404_even_for_a_browser() {
        client.get().uri("/auth/nothing-here").header(HttpHeaders.ACCEPT, NAVIGATION)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void a_navigation_to_a_download_reaches_the_download_endpoint() {
        String cookie = SessionCookies.NAME + "=" + login("gestor@cmep.local", "gestor123");
        client.get().uri("/archivos/999999").header(HttpHeaders.ACCEPT, NAVIGATION).header(HttpHeaders.COOKIE, cookie)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.message").isEqualTo("Archivo no encontrado");
        client.get().uri("/health").header(HttpHeaders.ACCEPT, NAVIGATION)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.ok").isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/", "/app/solicitudes", "/assets/index-3f2a.js"})
    void other_methods_never_get_the_app(String path) {
        client.post().uri(path).header(HttpHeaders.ACCEPT, NAVIGATION)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error.code").isEqualTo("NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/..%2f..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/../secret.txt",
        "/assets/..%2f..%2fsecret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/assets%2f..%2f..%2fsecret.txt",
        "/..%5csecret.txt", "/leak.txt", "/.env", "/%2eenv", "/assets/../../secret.txt", "//secret.txt"})
    void nothing_outside_the_build_and_no_dotfile_is_ever_served(String path) throws IOException {
        for (String accept : new String[] {"*/*", NAVIGATION}) {
            try (RawHttpConnection connection = connection()) {
                RawHttpConnection.Response response = connection.send("GET", path, Map.of("Accept", accept), null);
                assertThat(response.body()).doesNotContain(SECRET);
                if (accept.equals(NAVIGATION)) {
                    assertThat(response.status()).isIn(200, 400, 404);
                    if (response.status() == 200) {
                        assertThat(response.body()).isEqualTo(INDEX);
                    }
                } else {
                    assertThat(response.status()).isIn(400, 404);
                    assertThat(response.body()).contains("\"ok\":false");
                }
            }
        }
    }

    private RawHttpConnection connection() {
        return new RawHttpConnection(port, Duration.ofSeconds(10));
    }

    private static Path build() {
        try {
            Path home = Files.createTempDirectory("cmep-spa-test");
            Path dist = Files.createDirectories(home.resolve("dist"));
            Files.writeString(dist.resolve("index.html"), INDEX);
            Files.writeString(dist.resolve("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
            Files.createDirectories(dist.resolve("assets"));
            Files.writeString(dist.resolve("assets/index-3f2a.js"), SCRIPT);
            Files.writeString(dist.resolve(".env"), SECRET);
            Files.writeString(home.resolve("secret.txt"), SECRET);
            Files.createSymbolicLink(dist.resolve("leak.txt"), home.resolve("secret.txt"));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
