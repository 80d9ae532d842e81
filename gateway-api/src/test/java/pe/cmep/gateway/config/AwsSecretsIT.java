package pe.cmep.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * In the AWS deployment (profiles prod + aws) the database credentials and the session secret are read from
 * Secrets Manager at start-up: the real Secrets Manager client of Spring Cloud AWS against a local endpoint that
 * answers GetSecretValue as AWS does, with the service's own configuration files.
 */
class AwsSecretsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DB_SECRET = "cmep/prod/db";
    private static final String APP_SECRET = "cmep/prod/app";
    private static final Map<String, String> SECRETS = Map.of(
            DB_SECRET, """
                    {"username":"cmep_admin","password":"p@ss:w/rd","engine":"mysql",\
                    "host":"cmep-db.abc.us-east-1.rds.amazonaws.com","port":3306,"dbname":"cmep"}""",
            APP_SECRET, """
                    {"session_secret":"0123456789abcdef0123456789abcdef0123456789abcdef"}""");

    private final List<String> requested = new CopyOnWriteArrayList<>();
    private HttpServer secretsManager;

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }

    @BeforeEach
    void startSecretsManager() throws IOException {
        secretsManager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        secretsManager.createContext("/", exchange -> {
            try (exchange) {
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                String id = JSON.readTree(exchange.getRequestBody().readAllBytes()).get("SecretId").asString();
                requested.add(id);
                String secret = SECRETS.get(id);
                byte[] body;
                int status;
                if ("secretsmanager.GetSecretValue".equals(target) && secret != null) {
                    status = 200;
                    body = JSON.writeValueAsBytes(Map.of("ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:"
                            + id, "Name", id, "SecretString", secret, "VersionId", "v1"));
                } else {
                    status = 400;
                    body = "{\"__type\":\"ResourceNotFoundException\",\"message\":\"no such secret\"}"
                            .getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        secretsManager.start();
    }

    @AfterEach
    void stop() {
        secretsManager.stop(0);
    }

    @Test
    void the_aws_profile_takes_the_database_and_the_session_secret_from_secrets_manager() {
        try (ConfigurableApplicationContext context = start("prod,aws")) {
            Environment env = context.getEnvironment();

            assertThat(requested).containsExactlyInAnyOrder(DB_SECRET, APP_SECRET);
            assertThat(env.getProperty("spring.r2dbc.url"))
                    .isEqualTo("r2dbc:mysql://cmep-db.abc.us-east-1.rds.amazonaws.com:3306/cmep");
            assertThat(env.getProperty("spring.r2dbc.username")).isEqualTo("cmep_admin");
            assertThat(env.getProperty("spring.r2dbc.password")).isEqualTo("p@ss:w/rd");
            assertThat(env.getProperty("spring.flyway.url"))
                    .startsWith("jdbc:mariadb://cmep-db.abc.us-east-1.rds.amazonaws.com:3306/cmep");
            assertThat(env.getProperty("cmep.api.session.secret"))
                    .isEqualTo("0123456789abcdef0123456789abcdef0123456789abcdef");
        }
    }

    @Test
    void prod_without_the_aws_profile_reads_no_secret_and_takes_the_environment() {
        try (ConfigurableApplicationContext context = start("prod",
                "--DB_URL=mysql://db.example:3306/cmep", "--SESSION_SECRET=from-the-environment-0123456789abcdef")) {
            assertThat(requested).isEmpty();
            assertThat(context.getEnvironment().getProperty("spring.r2dbc.url"))
                    .isEqualTo("r2dbc:mysql://db.example:3306/cmep");
        }
    }

    private ConfigurableApplicationContext start(String profiles, String... extra) {
        String[] args = List.of(
                        List.of("--spring.profiles.active=" + profiles,
                                "--CMEP_DB_SECRET_ID=" + DB_SECRET,
                                "--CMEP_APP_SECRET_ID=" + APP_SECRET,
                                "--S3_BUCKET=cmep-files-test",
                                "--spring.cloud.aws.secretsmanager.endpoint=http://127.0.0.1:"
                                        + secretsManager.getAddress().getPort(),
                                "--spring.cloud.aws.credentials.access-key=test",
                                "--spring.cloud.aws.credentials.secret-key=test",
                                "--spring.cloud.aws.region.static=us-east-1"),
                        List.of(extra))
                .stream().flatMap(List::stream).toArray(String[]::new);
        return new SpringApplicationBuilder(NoBeans.class).web(WebApplicationType.NONE).run(args);
    }
}
