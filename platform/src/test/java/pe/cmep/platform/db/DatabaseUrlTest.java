package pe.cmep.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            mysql://cmep_user:cmep_pass@db.example:3306/cmep_dev          | db.example | 3306 | cmep_dev | cmep_user | cmep_pass
            jdbc:mysql://db.example/cmep                                  | db.example | 3306 | cmep     | root      |
            jdbc:mariadb://127.0.0.1:3307/cmep_dev                        | 127.0.0.1  | 3307 | cmep_dev | root      |
            r2dbc:mysql://app:s%40cret@10.0.0.5:3310/prod_db              | 10.0.0.5   | 3310 | prod_db  | app       | s@cret
            mysql://root@127.0.0.1:3307/cmep_dev                          | 127.0.0.1  | 3307 | cmep_dev | root      |
            """)
    void accepted_forms_give_host_port_database_and_credentials(String url, String host, int port, String db,
                                                                String user, String password) {
        DatabaseUrl parsed = DatabaseUrl.parse(url, null, null);
        assertThat(parsed.host()).isEqualTo(host);
        assertThat(parsed.port()).isEqualTo(port);
        assertThat(parsed.database()).isEqualTo(db);
        assertThat(parsed.user()).isEqualTo(user);
        assertThat(parsed.password()).isEqualTo(password);
    }

    @org.junit.jupiter.api.Test
    void db_user_and_db_pass_override_the_credentials_in_the_url() {
        DatabaseUrl parsed = DatabaseUrl.parse("mysql://a:b@h:1/d", "cmep_user", "secret");
        assertThat(parsed.user()).isEqualTo("cmep_user");
        assertThat(parsed.password()).isEqualTo("secret");
    }

    @org.junit.jupiter.api.Test
    void jdbc_and_r2dbc_urls_keep_parameters_and_never_carry_the_password() {
        DatabaseUrl parsed = DatabaseUrl.parse("mysql://u:p@h:3306/d?sslMode=REQUIRED", null, null);
        assertThat(parsed.jdbcUrl()).isEqualTo("jdbc:mariadb://h:3306/d?sslMode=REQUIRED&allowPublicKeyRetrieval=true");
        assertThat(parsed.r2dbcUrl()).isEqualTo("r2dbc:mysql://h:3306/d?sslMode=REQUIRED");
        assertThat(parsed.toString()).doesNotContain("p@").doesNotContain(":p");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "postgres://h/d", "mysql://h:3306/", "mysql://h:3306/a/b", "mysql:///d"})
    void unusable_urls_are_refused_with_a_clear_message(String url) {
        assertThatThrownBy(() -> DatabaseUrl.parse(url, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DB_URL");
    }
}
