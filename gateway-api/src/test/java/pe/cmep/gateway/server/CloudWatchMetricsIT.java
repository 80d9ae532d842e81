package pe.cmep.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.server.CloudWatchEndpoint.Datum;
import pe.cmep.gateway.support.ApiIntegrationTest;

/**
 * The production metrics path end to end: the CloudWatch registry (on here as the prod profile turns it on) with
 * the real CloudWatch client, pointed at a local endpoint that decodes its PutMetricData calls.
 */
class CloudWatchMetricsIT extends ApiIntegrationTest {

    private static final CloudWatchEndpoint cloudWatch = new CloudWatchEndpoint();
    private static final String ERRORS = "cmep.http.server.errors.count";
    private static final String REQUESTS = "cmep.http.server.requests.count";

    @DynamicPropertySource
    static void cloudWatchRegistry(DynamicPropertyRegistry registry) {
        registry.add("management.cloudwatch.metrics.export.enabled", () -> "true");
        registry.add("management.cloudwatch.metrics.export.namespace", () -> "CMEP");
        registry.add("management.cloudwatch.metrics.export.step", () -> "1s");
        registry.add("spring.cloud.aws.cloudwatch.endpoint", cloudWatch::url);
        registry.add("management.metrics.tags.env", () -> "citest");
    }

    @AfterAll
    static void stopEndpoint() {
        cloudWatch.close();
    }

    @TestConfiguration
    static class FailingRoute {
        @Bean
        Boom boom() {
            return new Boom();
        }
    }

    /** A route that fails as an unexpected bug would: the error handler answers 500 in the envelope. */
    @RestController
    static class Boom {
        @GetMapping("/test/boom")
        String boom() {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void a_5xx_answer_reaches_cloudwatch_as_the_error_metric_and_4xx_answers_send_none() {
        client.get().uri("/solicitudes").exchange().expectStatus().isUnauthorized();
        client.get().uri("/solicitudes/12345").exchange().expectStatus().isUnauthorized();
        client.get().uri("/no-such-path/777").exchange().expectStatus().isNotFound();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(requests("4xx"))
                .extracting(Datum::value).anySatisfy(v -> assertThat(v).isPositive()));
        assertThat(named(ERRORS)).as("no 5xx datum after only 4xx answers").isEmpty();

        client.get().uri("/test/boom").cookie(SessionCookies.NAME, login("admin@cmep.local", "admin123"))
                .exchange().expectStatus().isEqualTo(500);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(named(ERRORS))
                .anySatisfy(datum -> {
                    assertThat(datum.namespace()).isEqualTo("CMEP");
                    assertThat(datum.value()).isEqualTo(1.0);
                    assertThat(datum.dimensions()).isEqualTo(Map.of("service", "gateway-api", "env", "citest"));
                }));
        assertThat(named(ERRORS).stream().mapToDouble(Datum::value).sum()).as("one 5xx, counted once").isEqualTo(1.0);
        assertThat(requests("5xx")).anySatisfy(datum -> {
            assertThat(datum.dimensions()).containsEntry("route", "/test/boom").containsEntry("method", "GET");
            assertThat(datum.value()).isEqualTo(1.0);
        });
    }

    @Test
    void ids_and_raw_paths_never_become_cloudwatch_dimensions() {
        client.get().uri("/solicitudes/98765").exchange().expectStatus().isUnauthorized();
        client.get().uri("/archivos/4242").exchange().expectStatus().isUnauthorized();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(requests("4xx"))
                .anySatisfy(datum -> assertThat(datum.dimensions()).containsEntry("route", "/archivos/{archivo_id}")));
        List<Datum> sent = cloudWatch.data();
        assertThat(sent).allSatisfy(datum -> {
            assertThat(datum.dimensions().keySet()).doesNotContain("uri", "exception", "status", "outcome");
            assertThat(datum.dimensions().values()).noneMatch(v -> v.contains("98765") || v.contains("4242"));
        });
        assertThat(sent).extracting(Datum::name)
                .as("only the exported meters: none of the JVM's or the server's own")
                .noneMatch(name -> name.startsWith("jvm.") || name.startsWith("http.server.requests"));
        assertThat(cloudWatch.operations()).containsOnly("PutMetricData");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(cloudWatch.data())
                .extracting(Datum::name)
                .as("the figures the alarms and the dashboard read are among those sent")
                .contains("cmep.outbox.backlog.value", "cmep.outbox.oldest.age.value",
                        "r2dbc.pool.acquired.value", "r2dbc.pool.pending.value"));
    }

    private List<Datum> named(String name) {
        return cloudWatch.data().stream().filter(d -> d.name().equals(name)).toList();
    }

    private List<Datum> requests(String statusClass) {
        return named(REQUESTS).stream()
                .filter(d -> statusClass.equals(d.dimensions().get("status_class")))
                .toList();
    }
}
