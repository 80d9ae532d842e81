package pe.cmep.gateway.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import pe.cmep.gateway.config.ApiProperties;
import pe.cmep.gateway.web.ErrorCode;
import reactor.core.publisher.Mono;

/**
 * GET /health and GET /version. /health answers {@code ok: true} only when the database
 * answers within two seconds, so a load balancer stops routing to an instance that
 * cannot serve anything.
 */
@RestController
class HealthController {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);
    static final Duration DB_TIMEOUT = Duration.ofSeconds(2);

    private final DatabaseClient db;
    private final ApiProperties properties;

    HealthController(DatabaseClient db, ApiProperties properties) {
        this.db = db;
        this.properties = properties;
    }

    @GetMapping("/health")
    Mono<ResponseEntity<Object>> health() {
        return db.sql("SELECT 1 AS up").map((row, meta) -> 1).one()
                .timeout(DB_TIMEOUT)
                .map(up -> json(HttpStatus.OK, new Healthy(true, "healthy")))
                .onErrorResume(e -> {
                    log.warn("health_check_failed dependency=database error={}", e.toString());
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("ok", false);
                    body.put("status", "unhealthy");
                    body.put("error", Map.of("code", ErrorCode.SERVICE_UNAVAILABLE.name(),
                            "message", "Base de datos no disponible"));
                    return Mono.just(json(HttpStatus.SERVICE_UNAVAILABLE, body));
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

    private static ResponseEntity<Object> json(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
