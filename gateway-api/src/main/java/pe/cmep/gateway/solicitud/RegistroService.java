package pe.cmep.gateway.solicitud;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.catalogo.PromotorWriter;
import pe.cmep.gateway.config.DatabaseErrors;
import pe.cmep.gateway.db.Binds;
import pe.cmep.gateway.db.DeadlockRetry;
import pe.cmep.gateway.persona.PersonaDatos;
import pe.cmep.gateway.persona.PersonaGuardada;
import pe.cmep.gateway.persona.PersonaRepository;
import pe.cmep.gateway.web.ApiException;
import pe.cmep.gateway.web.FieldError;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** POST /solicitudes: registration in one transaction (domain.md §5.1). */
@Service
class RegistroService {

    private static final Logger log = LoggerFactory.getLogger(RegistroService.class);
    private static final List<String> MONEDAS = List.of("PEN", "USD");

    private final DatabaseClient db;
    private final PersonaRepository personas;
    private final PromotorWriter promotores;
    private final HistorialWriter historial;
    private final SolicitudEventRecorder events;
    private final TransactionalOperator tx;
    private final Clock clock;

    RegistroService(DatabaseClient db, PersonaRepository personas, PromotorWriter promotores, HistorialWriter historial,
                    SolicitudEventRecorder events, TransactionalOperator tx, Clock clock) {
        this.db = db;
        this.personas = personas;
        this.promotores = promotores;
        this.historial = historial;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Registers in one transaction. Two registrations that touch the same personas in opposite roles (or race
     * on one new document) can deadlock; InnoDB then rolls the victim back whole, and it is simply run again,
     * since a registration conflicts with no existing solicitud.
     */
    Mono<Registered> register(RegistroRequest request, CurrentUser user) {
        return Mono.defer(() -> registerOnce(request, user))
                .retryWhen(Retry.backoff(5, Duration.ofMillis(20)).jitter(0.5)
                        .filter(DatabaseErrors::isDeadlock)
                        .doBeforeRetry(signal -> log.info("registration_retried_after_deadlock attempt={} user_id={}",
                                signal.totalRetries() + 1, user.userId()))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private Mono<Registered> registerOnce(RegistroRequest request, CurrentUser user) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        int userId = user.userId();
        return checkReferences(request)
                .then(Mono.defer(() -> {
                    List<Cambio> cambios = new ArrayList<>();
                    cambios.add(Cambio.of("solicitud_creada", null, "REGISTRADO"));
                    Mono<PersonaGuardada> cliente = personas.upsert(datos(request.cliente()), userId, now);
                    Mono<Integer> apoderado = request.apoderado() == null ? Mono.just(0)
                            : personas.upsert(datos(request.apoderado()), userId, now)
                                    .doOnNext(r -> cambios.addAll(cambios("apoderado", r)))
                                    .map(PersonaGuardada::personaId);
                    Mono<Integer> promotor = request.promotor() != null
                            ? promotores.create(request.promotor(), userId, now)
                            : Mono.just(request.promotorId() == null ? 0 : request.promotorId());
                    return cliente.doOnNext(r -> cambios.addAll(1, cambios("cliente", r)))
                            .flatMap(c -> apoderado.flatMap(a -> promotor.flatMap(p ->
                                    ensureCliente(c.personaId(), userId, now)
                                            .then(insert(request, c.personaId(), a == 0 ? null : a,
                                                    p == 0 ? null : p, userId, now)))))
                            .flatMap(id -> {
                                String codigo = Formats.codigo(now.getYear(), id);
                                // updated_at named explicitly: ON UPDATE CURRENT_TIMESTAMP would put the database's
                                // clock there instead of the registration time the event carries
                                return db.sql("UPDATE solicitud_cmep SET codigo = :codigo, updated_at = :now "
                                                + "WHERE solicitud_id = :id")
                                        .bind("codigo", codigo).bind("now", now).bind("id", id).then()
                                        .then(historial.write(id, userId, now, cambios))
                                        .then(events.created(id, userId, now))
                                        .thenReturn(new Registered(id, codigo));
                            });
                }))
                .as(tx::transactional)
                .retryWhen(DeadlockRetry.of("registro"));
    }

    /** Unknown servicio_id / promotor_id are validation errors, not 500s (domain.md §10 #12). */
    private Mono<Void> checkReferences(RegistroRequest request) {
        // the servicio's currency is copied into tarifa_moneda, which only takes PEN or USD; servicios.moneda_tarifa
        // is not constrained (domain.md §2.2), so another value is refused here rather than by the CHECK (a 500)
        Mono<List<FieldError>> servicio = request.servicioId() == null ? Mono.just(List.of())
                : db.sql("SELECT moneda_tarifa FROM servicios WHERE servicio_id = :id")
                        .bind("id", request.servicioId())
                        .map((row, meta) -> Rows.str(row, "moneda_tarifa"))
                        .one()
                        .map(moneda -> MONEDAS.contains(moneda) ? List.<FieldError>of()
                                : List.of(new FieldError("servicio_id", "El servicio " + request.servicioId()
                                        + " tiene una moneda no admitida: " + moneda + " (PEN, USD)")))
                        .defaultIfEmpty(List.of(new FieldError("servicio_id",
                                "No existe el servicio " + request.servicioId())));
        Mono<List<FieldError>> promotor = request.promotorId() == null ? Mono.just(List.of())
                // shared lock: a concurrent DELETE /promotores waits for this registration instead of racing it
                : exists("SELECT COUNT(*) FROM promotores WHERE promotor_id = :id LOCK IN SHARE MODE",
                        request.promotorId())
                        .map(ok -> ok ? List.<FieldError>of()
                                : List.of(new FieldError("promotor_id", "No existe el promotor " + request.promotorId())));
        return Mono.zip(servicio, promotor).flatMap(t -> {
            List<FieldError> errors = new ArrayList<>(t.getT1());
            errors.addAll(t.getT2());
            return errors.isEmpty() ? Mono.empty() : Mono.error(ApiException.validation(errors));
        });
    }

    private Mono<Boolean> exists(String sql, int id) {
        return db.sql(sql).bind("id", id).map((row, meta) -> ((Number) row.get(0)).longValue() > 0).one();
    }

    /**
     * A plain insert that leaves an existing row as it is. (An INSERT … SELECT … WHERE NOT EXISTS would read
     * clientes with a shared next-key lock, and two registrations of new clientes would deadlock in that gap.)
     */
    private Mono<Void> ensureCliente(int personaId, int userId, LocalDateTime now) {
        return db.sql("INSERT INTO clientes (persona_id, estado, created_by, created_at, updated_at) "
                        + "VALUES (:id, 'ACTIVO', :userId, :now, :now) ON DUPLICATE KEY UPDATE persona_id = persona_id")
                .bind("id", personaId).bind("userId", userId).bind("now", now)
                .then();
    }

    private Mono<Integer> insert(RegistroRequest r, int clienteId, Integer apoderadoId, Integer promotorId,
                                 int userId, LocalDateTime now) {
        Mono<Tarifa> tarifa = r.servicioId() == null ? Mono.just(Tarifa.NONE)
                : db.sql("SELECT tarifa_servicio, moneda_tarifa FROM servicios WHERE servicio_id = :id")
                        .bind("id", r.servicioId())
                        .map((row, meta) -> new Tarifa(Rows.decimal(row, "tarifa_servicio"),
                                Rows.str(row, "moneda_tarifa"), "SERVICIO"))
                        .one();
        return tarifa.flatMap(t -> {
            DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO solicitud_cmep (cliente_id, apoderado_id, "
                            + "servicio_id, promotor_id, estado_atencion, estado_pago, tarifa_monto, tarifa_moneda, "
                            + "tarifa_fuente, tipo_atencion, lugar_atencion, comentario, created_by, created_at, "
                            + "updated_at) VALUES (:cliente, :apoderado, :servicio, :promotor, 'REGISTRADO', "
                            + "'PENDIENTE', :monto, :moneda, :fuente, :tipo, :lugar, :comentario, :userId, :now, :now)")
                    .bind("cliente", clienteId)
                    .bind("userId", userId)
                    .bind("now", now);
            spec = Binds.nullable(spec, "apoderado", apoderadoId, Integer.class);
            spec = Binds.nullable(spec, "servicio", r.servicioId(), Integer.class);
            spec = Binds.nullable(spec, "promotor", promotorId, Integer.class);
            spec = t.monto() == null ? spec.bindNull("monto", BigDecimal.class) : spec.bind("monto", t.monto());
            spec = Binds.nullable(spec, "moneda", t.moneda());
            spec = Binds.nullable(spec, "fuente", t.fuente());
            spec = Binds.nullable(spec, "tipo", r.tipoAtencion());
            spec = Binds.nullable(spec, "lugar", r.lugarAtencion());
            spec = Binds.nullable(spec, "comentario", r.comentario());
            return spec.filter(s -> s.returnGeneratedValues("solicitud_id"))
                    .map((row, meta) -> ((Number) row.get(0)).intValue())
                    .one();
        });
    }


    record Registered(int solicitudId, String codigo) {
    }

    private static PersonaDatos datos(PersonaInput in) {
        return new PersonaDatos(in.tipoDocumento(), in.numeroDocumento(), in.nombres(), in.apellidos(), in.celular(),
                in.email(), in.fechaNacimiento(), in.direccion());
    }

    /** @param campoPrefix {@code cliente} or {@code apoderado}, the prefix of the historial {@code campo} */
    private static List<Cambio> cambios(String campoPrefix, PersonaGuardada persona) {
        return persona.cambios().stream()
                .map(c -> Cambio.of(campoPrefix + "." + c.campo(), c.anterior(), c.nuevo()))
                .toList();
    }

    private record Tarifa(BigDecimal monto, String moneda, String fuente) {
        static final Tarifa NONE = new Tarifa(null, null, null);
    }
}
