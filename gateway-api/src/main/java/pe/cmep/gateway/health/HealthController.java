package pe.cmep.gateway.health;

import java.time.Duration;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import pe.cmep.gateway.config.ApiProperties;
import pe.cmep.gateway.web.ErrorCode;
import reactor.core.publisher.Mono;

/**
 * GET /health and GET /version. /health answers {@code ok: true} only when the database answers within two seconds
 * with the schema this build migrates to (at least its newest migration applied), so a load balancer stops routing
 * to an instance that cannot serve anything: one whose database is down, or came back empty or older.
 */
@RestController
class HealthController {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);
    static final Duration DB_TIMEOUT = Duration.ofSeconds(2);

    private final SchemaHistoryRepository schemaHistory;
    private final MigrationVersion required;
    private final ApiProperties properties;

    HealthController(SchemaHistoryRepository schemaHistory, NewestMigration newestMigration, ApiProperties properties) {
        this.schemaHistory = schemaHistory;
        this.required = newestMigration.version();
        this.properties = properties;
    }

    @GetMapping("/health")
    Mono<ResponseEntity<Object>> health() {
        return schemaHistory.appliedVersion()
                .timeout(DB_TIMEOUT)
                .map(applied -> {
                    if (applied.compareTo(required) >= 0) {
                        return json(HttpStatus.OK, new Healthy(true, "healthy"));
                    }
                    log.warn("health_check_failed dependency=schema applied={} required={}", applied, required);
                    return unhealthy("Esquema de base de datos desactualizado");
                })
                .onErrorResume(e -> {
                    log.warn("health_check_failed dependency=database error={}", e.toString());
                    return Mono.just(unhealthy("Base de datos no disponible"));
                });
    }

    @GetMapping("/version")
    ResponseEntity<Object> version() {
        return json(HttpStatus.OK, new Version(true, properties.version()));
    }

    record Healthy(boolean ok, String status) {
    }

    record Version(boolean ok, String version) {
    }

    record Unhealthy(boolean ok, String status, Error error) {
    }

    record Error(String code, String message) {
    }

    private static ResponseEntity<Object> unhealthy(String message) {
        return json(HttpStatus.SERVICE_UNAVAILABLE,
                new Unhealthy(false, "unhealthy", new Error(ErrorCode.SERVICE_UNAVAILABLE.name(), message)));
    }

    private static ResponseEntity<Object> json(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
