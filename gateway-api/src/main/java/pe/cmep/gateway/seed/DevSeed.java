package pe.cmep.gateway.seed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.gateway.auth.PasswordHasher;
import pe.cmep.gateway.solicitud.SolicitudConteoRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The development seed of domain.md §9.1. {@link #ensure()} adds whatever seed row is
 * missing and touches nothing else, so running it again changes nothing and data
 * entered in local mode survives restarts; {@link #reset()} is §9.1 to the letter:
 * wipe, then seed, giving the ids listed in the spec.
 */
@Component
public class DevSeed {

    private static final Logger log = LoggerFactory.getLogger(DevSeed.class);

    /** The seed accounts, in insertion order (user_id = persona_id = position + 1 on an empty database). */
    public static final List<SeedUser> USERS = List.of(
            new SeedUser("Admin", "Sistema", "00000001", "admin@cmep.local", "admin123", "ADMIN", "ACTIVO", true),
            new SeedUser("Ana", "Operadora", "00000002", "operador@cmep.local", "operador123", "OPERADOR", "ACTIVO", true),
            new SeedUser("Carlos", "Gestor", "00000003", "gestor@cmep.local", "gestor123", "GESTOR", "ACTIVO", true),
            new SeedUser("Maria", "Medico", "00000004", "medico@cmep.local", "medico123", "MEDICO", "ACTIVO", true),
            new SeedUser("Suspendido", "Test", "00000005", "suspendido@cmep.local", "suspendido123", "OPERADOR",
                    "SUSPENDIDO", false));

    /**
     * Deletion order of §9.1 (resultado_medico first: it references solicitud_cmep), after the report
     * aggregates, which would otherwise still count the wiped solicitudes.
     */
    static final List<String> WIPE_ORDER = List.of("reporte_dia", "reporte_pago_dia", "reporte_pago_dia_solicitud",
            "reporte_promotor_dia", "reporte_equipo_dia", "reporte_pago", "reporte_solicitud", "reporte_estado",
            "resultado_medico", "solicitud_archivo", "archivos",
            "pago_solicitud", "solicitud_estado_historial", "solicitud_asignacion", "solicitud_cmep",
            "cliente_apoderado", "clientes", "medico_extra", "empleado", "promotores", "servicios", "sessions",
            "password_resets", "user_permissions", "user_role", "users", "personas", "login_failure");

    private static final List<String> AUTO_INCREMENT_TABLES = List.of("personas", "cliente_apoderado", "promotores",
            "empleado", "users", "user_permissions", "password_resets", "servicios", "solicitud_cmep",
            "solicitud_asignacion", "solicitud_estado_historial", "pago_solicitud", "archivos", "solicitud_archivo",
            "resultado_medico");

    private final SeedRepository seeds;
    private final SeedPersonas personas;
    private final PasswordHasher hasher;
    private final SolicitudConteoRepository conteos;
    private final TransactionalOperator tx;
    /** Seed passwords are hashed once per process: a reset re-inserts the same accounts. */
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    DevSeed(SeedRepository seeds, SeedPersonas personas, PasswordHasher hasher, SolicitudConteoRepository conteos,
            TransactionalOperator tx) {
        this.seeds = seeds;
        this.personas = personas;
        this.hasher = hasher;
        this.conteos = conteos;
        this.tx = tx;
    }

    public Mono<Void> ensure() {
        return Flux.fromIterable(USERS)
                .concatMap(this::ensureUser)
                .then(personas.ensure("DNI", "11111111", "Luis", "Promotor Reyes", null, null)
                        .flatMap(personaId -> seeds.promotorPersona(personaId, "Cliente referente")))
                .then(seeds.promotorEmpresa("Notaria Gonzales & Asociados", "20123456789",
                        "contacto@notariagonzales.com", "Notaria"))
                .then(ensureCliente("DNI", "12345678", "Juan", "Perez Lopez", "987654321"))
                .then(ensureCliente("DNI", "87654321", "Rosa", "Garcia Torres", "912345678"))
                .then(ensureCliente("CE", "CE001234", "Pedro", "Ramirez Silva", "999888777"))
                .then(seeds.servicio("Certificado Medico de Evaluacion Profesional", new BigDecimal("200.00"), "PEN"))
                .as(tx::transactional)
                .doOnSuccess(v -> log.info("dev_seed_applied users={}", USERS.size()));
    }

    public Mono<Void> reset() {
        Mono<Void> wipe = Flux.fromIterable(WIPE_ORDER)
                .concatMap(seeds::wipe)
                .then(conteos.recontar())
                .as(tx::transactional);
        // DDL commits implicitly on MySQL, so the counters are reset outside the wipe's transaction.
        Mono<Void> restartIds = Flux.fromIterable(AUTO_INCREMENT_TABLES)
                .concatMap(seeds::restartIds)
                .then();
        return wipe.then(restartIds).then(ensure())
                .doOnSuccess(v -> log.info("dev_seed_reset"));
    }

    private Mono<Void> ensureUser(SeedUser u) {
        return personas.ensure("DNI", u.numeroDocumento(), u.nombres(), u.apellidos(), u.email(), null)
                .flatMap(personaId -> seeds.user(personaId, u.email(), hashOf(u.password()), u.estado())
                        .flatMap(userId -> seeds.role(userId, u.role()))
                        .then(u.empleado() && !"ADMIN".equals(u.role())
                                ? seeds.empleado(personaId, u.role()) : Mono.empty())
                        .then("MEDICO".equals(u.role())
                                ? seeds.medicoExtra(personaId, "12345", "Medicina Ocupacional") : Mono.empty()));
    }

    private Mono<String> hashOf(String password) {
        String known = hashes.get(password);
        return known != null ? Mono.just(known)
                : hasher.hash(password).doOnNext(hash -> hashes.put(password, hash));
    }

    private Mono<Void> ensureCliente(String tipo, String numero, String nombres, String apellidos, String celular) {
        return personas.ensure(tipo, numero, nombres, apellidos, null, celular).flatMap(seeds::cliente);
    }

    /** @param empleado whether the account gets an employee row for its role (the suspended test user has none) */
    public record SeedUser(String nombres, String apellidos, String numeroDocumento, String email, String password,
                           String role, String estado, boolean empleado) {
    }
}
