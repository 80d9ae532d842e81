package pe.cmep.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CloudWatchExportTest {

    private final CloudWatchExport export = new CloudWatchExport(List.of("cmep.http.server.errors", "r2dbc.pool."));

    @ParameterizedTest(name = "{0} exported: {1}")
    @CsvSource({
            "cmep.http.server.errors, true",
            "cmep.http.server.errors.extra, false",
            "cmep.http.server, false",
            "r2dbc.pool.acquired, true",
            "r2dbc.pooled, false",
            "jvm.memory.used, false",
            "http.server.requests, false",
    })
    void only_the_listed_meters_are_exported(String name, boolean exported) {
        assertThat(export.isExported(name)).isEqualTo(exported);
    }

    @ParameterizedTest(name = "{0}={1} unbounded: {2}")
    @CsvSource({
            "route, /solicitudes/{id}, false",
            "route, /solicitudes/123, true",
            "route, /archivos/77/descarga, true",
            "uri, /solicitudes/{id}, true",
            "exception, IllegalStateException, true",
            "status, 500, true",
            "status_class, 5xx, false",
            "solicitud_id, 12, true",
            "event_id, e1, true",
            "id, abc, true",
            "listener, solicitud-events, false",
            "queue, cmep-solicitud-events.fifo, false",
            "name, connectionFactory, false",
            "session, x, true",
            "type, SOLICITUD_CREATED, false",
            "key, 3f2b8c1e-1d2a-4b7c-9e0f-123456789abc, true",
            "verdict, 42, true",
    })
    void tags_that_hold_ids_paths_or_exact_codes_are_unbounded(String key, String value, boolean unbounded) {
        assertThat(CloudWatchExport.isUnbounded(Tag.of(key, value))).isEqualTo(unbounded);
    }

    @Test
    void the_filters_drop_unlisted_meters_and_strip_unbounded_tags() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        export.filters().forEach(registry.config()::meterFilter);

        Counter.builder("cmep.http.server.errors").tags("uri", "/solicitudes/9", "service", "gateway-api")
                .register(registry).increment();
        Counter.builder("jvm.gc.pause").register(registry).increment();

        assertThat(registry.getMeters()).hasSize(1);
        assertThat(registry.getMeters().get(0).getId().getTags()).containsExactly(Tag.of("service", "gateway-api"));
    }
}
