package pe.cmep.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionCookiesTest {

    @ParameterizedTest(name = "prod={0} domain=''{1}''")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            false | -                | cmep_session=abc; Path=/; Max-Age=86400; Expires=*; HttpOnly; SameSite=Lax
            false | cmep.example.com | cmep_session=abc; Path=/; Max-Age=86400; Expires=*; HttpOnly; SameSite=Lax
            true  | -                | cmep_session=abc; Path=/; Max-Age=86400; Expires=*; Secure; HttpOnly; SameSite=None
            true  | ''               | cmep_session=abc; Path=/; Max-Age=86400; Expires=*; Secure; HttpOnly; SameSite=None
            true  | cmep.example.com | cmep_session=abc; Path=/; Domain=cmep.example.com; Max-Age=86400; Expires=*; Secure; HttpOnly; SameSite=None
            """)
    void issued_cookie_attributes_follow_app_env_and_cookie_domain(boolean prod, String domain, String expected) {
        String cookie = new SessionCookies(prod, domain, Duration.ofHours(24)).issue("abc").toString();
        assertThat(withoutExpiresDate(cookie)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "prod={0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            false | -                | cmep_session=; Path=/; Max-Age=0; Expires=*; HttpOnly; SameSite=Lax
            true  | cmep.example.com | cmep_session=; Path=/; Domain=cmep.example.com; Max-Age=0; Expires=*; Secure; HttpOnly; SameSite=None
            """)
    void clearing_cookie_has_the_same_attributes_and_max_age_zero(boolean prod, String domain, String expected) {
        String cookie = new SessionCookies(prod, domain, Duration.ofHours(24)).clear().toString();
        assertThat(withoutExpiresDate(cookie)).isEqualTo(expected);
        assertThat(cookie).contains("Expires=Thu, 01 Jan 1970");
    }

    @ParameterizedTest
    @CsvSource({"1, 3600", "24, 86400", "168, 604800"})
    void max_age_is_session_expire_hours_times_3600(int hours, long seconds) {
        assertThat(new SessionCookies(false, null, Duration.ofHours(hours)).issue("x").getMaxAge().toSeconds())
                .isEqualTo(seconds);
    }

    private static String withoutExpiresDate(String cookie) {
        return cookie.replaceAll("Expires=[^;]*", "Expires=*");
    }
}
