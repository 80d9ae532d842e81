package pe.cmep.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import pe.cmep.gateway.support.ApiIntegrationTest;

@TestPropertySource(properties = {
        "cmep.api.app-env=prod",
        "cmep.api.session.cookie-domain=cmep.example.com",
        "cmep.api.session.secret=a-production-grade-secret-of-more-than-32-chars",
        "cmep.api.session.expire-hours=8"})
class ProdCookieAttributesIT extends ApiIntegrationTest {

    @Test
    void in_prod_the_cookie_is_secure_samesite_none_with_the_configured_domain() {
        String setCookie = client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "admin@cmep.local", "password", "admin123"))
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("Set-Cookie");
        assertThat(setCookie).contains("HttpOnly").contains("Secure").contains("SameSite=None")
                .contains("Domain=cmep.example.com").contains("Path=/").contains("Max-Age=28800");
    }

    @Test
    void in_prod_logout_clears_the_cookie_with_the_same_attributes() {
        String id = login("admin@cmep.local", "admin123");
        String setCookie = client.post().uri("/auth/logout").cookie(SessionCookies.NAME, id)
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("Set-Cookie");
        assertThat(setCookie).contains("Max-Age=0").contains("HttpOnly").contains("Secure")
                .contains("SameSite=None").contains("Domain=cmep.example.com").contains("Path=/");
    }
}
