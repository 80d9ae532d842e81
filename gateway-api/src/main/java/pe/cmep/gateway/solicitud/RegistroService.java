package pe.cmep.gateway.solicitud;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.events.EstadoAtencion;
import pe.cmep.events.EstadoOperativo;
import pe.cmep.events.EstadoPago;
import pe.cmep.events.SolicitudCreated;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudState;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.catalogo.PromotorWriter;
import pe.cmep.gateway.config.DatabaseErrors;
import pe.cmep.gateway.db.DeadlockRetry;
import pe.cmep.gateway.outbox.Outbox;
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

    private final RegistroRepository registros;
    private final ServicioRepository servicios;
    private final PersonaRepository personas;
    private final PromotorWriter promotores;
    private final HistorialRepository historial;
    private final Outbox outbox;
    private final SolicitudConteoRepository conteos;
    private final TransactionalOperator tx;
    private final Clock clock;

    RegistroService(RegistroRepository registros, ServicioRepository servicios, PersonaRepository personas,
                    PromotorWriter promotores, HistorialRepository historial, Outbox outbox,
                    SolicitudConteoRepository conteos, TransactionalOperator tx, Clock clock) {
        this.registros = registros;
        this.servicios = servicios;
        this.personas = personas;
        this.promotores = promotores;
        this.historial = historial;
        this.outbox = outbox;
        this.conteos = conteos;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Registers in one transaction. Two registrations that touch the same personas in opposite roles (or race
     * on one new document) can deadlock; InnoDB then rolls the victim back whole, and it is simply run again,
     * since a registration conflicts with no existing solicitud.
     */
    Mono<Registered> registrar(RegistroRequest request, CurrentUser user) {
        return Mono.defer(() -> registrarUnaVez(request, user))
                .retryWhen(Retry.backoff(5, Duration.ofMillis(20)).jitter(0.5)
                        .filter(DatabaseErrors::isDeadlock)
                        .doBeforeRetry(signal -> log.info("registration_retried_after_deadlock attempt={} user_id={}",
                                signal.totalRetries() + 1, user.userId()))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private Mono<Registered> registrarUnaVez(RegistroRequest request, CurrentUser user) {
        Actor actor = new Actor(user.userId(), LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
        int userId = actor.userId();
        LocalDateTime now = actor.ahora();
        return checkReferences(request)
                .flatMap(tarifa -> {
                    List<Cambio> cambios = new ArrayList<>();
                    cambios.add(Cambio.of("solicitud_creada", null, "REGISTRADO"));
                    Mono<PersonaGuardada> cliente = personas.upsert(datos(request.cliente()), userId, now);
                    Mono<Integer> apoderado = request.apoderado() == null ? Mono.just(0)
                            : personas.upsert(datos(request.apoderado()), userId, now)
                                    .doOnNext(r -> cambios.addAll(cambios("apoderado", r)))
                                    .map(PersonaGuardada::personaId);
                    Mono<Integer> promotor = request.promotor() != null
                            ? promotores.crear(request.promotor(), userId, now)
                            : Mono.just(request.promotorId() == null ? 0 : request.promotorId());
                    return cliente.doOnNext(r -> cambios.addAll(1, cambios("cliente", r)))
                            .flatMap(c -> apoderado.flatMap(a -> promotor.map(p -> new RegistroRepository.NuevaSolicitud(
                                    c.personaId(), a == 0 ? null : a, request.servicioId(), p == 0 ? null : p,
                                    tarifa.monto(), tarifa.moneda(), request.tipoAtencion(), request.lugarAtencion(),
                                    request.comentario()))))
                            .flatMap(nueva -> registros.asegurarCliente(nueva.clienteId(), actor)
                                    .then(registros.insertar(nueva, actor))
                                    .flatMap(id -> {
                                        String codigo = Formats.codigo(now.getYear(), id);
                                        return registros.asignarCodigo(id, codigo, actor)
                                                .then(historial.escribir(id, actor, cambios))
                                                .then(outbox.append(SolicitudEvent.of(id, userId, actor.instante(),
                                                        creada(codigo, nueva, actor))))
                                                .then(conteos.sumar(id, EstadoOperativo.REGISTRADO, 1))
                                                .thenReturn(new Registered(id, codigo));
                                    }));
                })
                .as(tx::transactional)
                .retryWhen(DeadlockRetry.of("registro"));
    }

    private static SolicitudCreated creada(String codigo, RegistroRepository.NuevaSolicitud s, Actor actor) {
        SolicitudState estado = new SolicitudState(EstadoAtencion.REGISTRADO.name(), EstadoPago.PENDIENTE.name(),
                EstadoOperativo.REGISTRADO.name(), null, null, actor.instante());
        return new SolicitudCreated(codigo, s.clienteId(), s.apoderadoId(), s.promotorId(), s.servicioId(),
                s.tarifaMonto(), s.tarifaMoneda(), actor.userId(), actor.instante(), estado);
    }

    /**
     * Unknown servicio_id / promotor_id are validation errors, not 500s (domain.md §10 #12). Yields the servicio's
     * tariff (none without a servicio).
     */
    private Mono<ServicioRepository.Tarifa> checkReferences(RegistroRequest request) {
        ServicioRepository.Tarifa sinServicio = new ServicioRepository.Tarifa(null, null);
        // the servicio's currency is copied into tarifa_moneda, which only takes PEN or USD; servicios.moneda_tarifa
        // is not constrained (domain.md §2.2), so another value is refused here rather than by the CHECK (a 500)
        Mono<Checked> servicio = request.servicioId() == null ? Mono.just(new Checked(sinServicio, List.of()))
                : servicios.tarifa(request.servicioId())
                        .map(t -> new Checked(t, MONEDAS.contains(t.moneda()) ? List.<FieldError>of()
                                : List.of(new FieldError("servicio_id", "El servicio " + request.servicioId()
                                        + " tiene una moneda no admitida: " + t.moneda() + " (PEN, USD)"))))
                        .defaultIfEmpty(new Checked(sinServicio, List.of(new FieldError("servicio_id",
                                "No existe el servicio " + request.servicioId()))));
        Mono<List<FieldError>> promotor = request.promotorId() == null ? Mono.just(List.of())
                : registros.existePromotor(request.promotorId())
                        .map(ok -> ok ? List.<FieldError>of()
                                : List.of(new FieldError("promotor_id", "No existe el promotor " + request.promotorId())));
        return Mono.zip(servicio, promotor).flatMap(t -> {
            List<FieldError> errors = new ArrayList<>(t.getT1().errors());
            errors.addAll(t.getT2());
            return errors.isEmpty() ? Mono.just(t.getT1().tarifa()) : Mono.error(ApiException.validation(errors));
        });
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

    private record Checked(ServicioRepository.Tarifa tarifa, List<FieldError> errors) {
    }

    record Registered(int solicitudId, String codigo) {
    }
}
