package pe.cmep.gateway.solicitud;

import static pe.cmep.gateway.solicitud.Rows.date;
import static pe.cmep.gateway.solicitud.Rows.dateTime;
import static pe.cmep.gateway.solicitud.Rows.decimal;
import static pe.cmep.gateway.solicitud.Rows.integer;
import static pe.cmep.gateway.solicitud.Rows.str;

import io.r2dbc.spi.Row;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.catalogo.PromotorSummary;
import pe.cmep.gateway.db.Binds;
import pe.cmep.gateway.policy.PolicyMatrix;
import pe.cmep.gateway.web.ApiException;
import pe.cmep.gateway.web.Timestamps;
import reactor.core.publisher.Mono;

/** The read side of solicitudes: the detail of api.md §7.3 and the paged list of §7.4. */
@Component
public class SolicitudQueries {

    static final String NOT_FOUND = "Solicitud no encontrada";

    private static final String PROMOTOR_COLUMNS = "pr.promotor_id AS pr_id, pr.tipo_promotor AS pr_tipo, "
            + "pr.razon_social AS pr_razon, pr.nombre_promotor_otros AS pr_otros, pr.ruc AS pr_ruc, "
            + "pr.email AS pr_email, pr.celular_1 AS pr_celular, pr.fuente_promotor AS pr_fuente, "
            + "pp.nombres AS pp_nombres, pp.apellidos AS pp_apellidos";
    private static final String PROMOTOR_JOINS = " LEFT JOIN promotores pr ON pr.promotor_id = s.promotor_id"
            + " LEFT JOIN personas pp ON pp.persona_id = pr.persona_id";

    private final DatabaseClient db;
    private final PolicyMatrix policy;

    public SolicitudQueries(DatabaseClient db, PolicyMatrix policy) {
        this.db = db;
        this.policy = policy;
    }

    /** The detail as {@code user} sees it (acciones_permitidas are the caller's); 404 when absent. */
    public Mono<SolicitudDetail> detail(int solicitudId, CurrentUser user) {
        Mono<Base> base = db.sql("SELECT s.solicitud_id, s.codigo, s.cliente_id, s.apoderado_id, s.servicio_id, "
                        + "s.estado_atencion, s.estado_pago, s.estado_certificado, s.tarifa_monto, s.tarifa_moneda, "
                        + "s.tipo_atencion, s.lugar_atencion, s.comentario, s.motivo_cancelacion, s.fecha_cierre, "
                        + "s.cerrado_por, s.fecha_cancelacion, s.cancelado_por, s.comentario_admin, s.created_at, "
                        + "s.updated_at, c.tipo_documento AS c_tipo, c.numero_documento AS c_numero, "
                        + "c.nombres AS c_nombres, c.apellidos AS c_apellidos, c.celular_1 AS c_celular, "
                        + "c.email AS c_email, c.fecha_nacimiento AS c_nacimiento, c.direccion AS c_direccion, "
                        + "a.tipo_documento AS a_tipo, a.numero_documento AS a_numero, a.nombres AS a_nombres, "
                        + "a.apellidos AS a_apellidos, a.celular_1 AS a_celular, a.email AS a_email, "
                        + "a.fecha_nacimiento AS a_nacimiento, a.direccion AS a_direccion, "
                        + "sv.descripcion_servicio AS sv_descripcion, sv.tarifa_servicio AS sv_tarifa, "
                        + "sv.moneda_tarifa AS sv_moneda, " + PROMOTOR_COLUMNS
                        + " FROM solicitud_cmep s JOIN personas c ON c.persona_id = s.cliente_id"
                        + " LEFT JOIN personas a ON a.persona_id = s.apoderado_id"
                        + " LEFT JOIN servicios sv ON sv.servicio_id = s.servicio_id" + PROMOTOR_JOINS
                        + " WHERE s.solicitud_id = :id")
                .bind("id", solicitudId)
                .map((row, meta) -> new Base(row))
                .one();
        return base
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(NOT_FOUND)))
                .flatMap(b -> Mono.zip(asignaciones(solicitudId), pagos(solicitudId), archivos(solicitudId),
                                historial(solicitudId), resultados(solicitudId))
                        .map(t -> assemble(b, t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5(), user)));
    }

    private SolicitudDetail assemble(Base b, Map<String, SolicitudDetail.Asignacion> asignaciones,
                                     List<SolicitudDetail.Pago> pagos, List<SolicitudDetail.Archivo> archivos,
                                     List<SolicitudDetail.Historial> historial,
                                     List<SolicitudDetail.ResultadoMedico> resultados, CurrentUser user) {
        EstadoOperativo estado = EstadoOperativo.derive(b.estadoAtencion, b.estadoPago,
                asignaciones.get("GESTOR") != null, asignaciones.get("MEDICO") != null);
        return new SolicitudDetail(b.solicitudId, b.codigo, b.cliente, b.apoderado, b.servicio, b.estadoAtencion,
                b.estadoPago, b.estadoCertificado,
                b.tarifaMonto == null || b.tarifaMonto.signum() == 0 ? null : Formats.money(b.tarifaMonto),
                b.tarifaMoneda, b.tipoAtencion, b.lugarAtencion, b.comentario, estado.name(),
                policy.allowedActions(user.roles(), estado), asignaciones, b.promotor, pagos, archivos, historial,
                b.motivoCancelacion, b.fechaCierre, b.cerradoPor, b.fechaCancelacion, b.canceladoPor,
                b.comentarioAdmin, resultados, b.createdAt, b.updatedAt);
    }

    private Mono<Map<String, SolicitudDetail.Asignacion>> asignaciones(int solicitudId) {
        return db.sql("SELECT sa.rol, sa.persona_id, p.nombres, p.apellidos FROM solicitud_asignacion sa "
                        + "JOIN personas p ON p.persona_id = sa.persona_id "
                        + "WHERE sa.solicitud_id = :id AND sa.es_vigente = 1 ORDER BY sa.asignacion_id")
                .bind("id", solicitudId)
                .map((row, meta) -> new SolicitudDetail.Asignacion(integer(row, "persona_id"),
                        Formats.fullName(str(row, "nombres"), str(row, "apellidos")), str(row, "rol")))
                .all()
                .collectList()
                .map(list -> {
                    Map<String, SolicitudDetail.Asignacion> byRole = new LinkedHashMap<>();
                    byRole.put("GESTOR", null);
                    byRole.put("MEDICO", null);
                    list.forEach(a -> byRole.put(a.rol(), a));
                    return byRole;
                });
    }

    private Mono<List<SolicitudDetail.Pago>> pagos(int solicitudId) {
        return db.sql("SELECT pago_id, canal_pago, fecha_pago, monto, moneda, referencia_transaccion, comentario, "
                        + "validated_at FROM pago_solicitud WHERE solicitud_id = :id ORDER BY pago_id")
                .bind("id", solicitudId)
                .map((row, meta) -> new SolicitudDetail.Pago(integer(row, "pago_id"), str(row, "canal_pago"),
                        Formats.date(date(row, "fecha_pago")), Formats.money(decimal(row, "monto")),
                        str(row, "moneda"), str(row, "referencia_transaccion"), str(row, "comentario"),
                        Timestamps.format(dateTime(row, "validated_at"))))
                .all().collectList();
    }

    private Mono<List<SolicitudDetail.Archivo>> archivos(int solicitudId) {
        return db.sql("SELECT sa.id, a.archivo_id, sa.pago_id, a.nombre_original, a.tipo, a.mime_type, "
                        + "a.tamano_bytes, a.estado_verificacion, a.sha256 FROM solicitud_archivo sa "
                        + "JOIN archivos a ON a.archivo_id = sa.archivo_id WHERE sa.solicitud_id = :id ORDER BY sa.id")
                .bind("id", solicitudId)
                .map((row, meta) -> new SolicitudDetail.Archivo(integer(row, "id"), integer(row, "archivo_id"),
                        integer(row, "pago_id"), str(row, "nombre_original"), str(row, "tipo"),
                        str(row, "mime_type"), integer(row, "tamano_bytes"), str(row, "estado_verificacion"),
                        "VERIFICADO".equals(str(row, "estado_verificacion")) ? str(row, "sha256") : null))
                .all().collectList();
    }

    private Mono<List<SolicitudDetail.Historial>> historial(int solicitudId) {
        return db.sql("SELECT h.historial_id, h.campo, h.valor_anterior, h.valor_nuevo, h.cambiado_por, "
                        + "h.cambiado_en, h.comentario, p.nombres, p.apellidos FROM solicitud_estado_historial h "
                        + "LEFT JOIN users u ON u.user_id = h.cambiado_por "
                        + "LEFT JOIN personas p ON p.persona_id = u.persona_id "
                        + "WHERE h.solicitud_id = :id ORDER BY h.cambiado_en DESC, h.historial_id DESC")
                .bind("id", solicitudId)
                .map((row, meta) -> new SolicitudDetail.Historial(integer(row, "historial_id"), str(row, "campo"),
                        str(row, "valor_anterior"), str(row, "valor_nuevo"), integer(row, "cambiado_por"),
                        Formats.fullName(str(row, "nombres"), str(row, "apellidos")),
                        Timestamps.format(dateTime(row, "cambiado_en")), str(row, "comentario")))
                .all().collectList();
    }

    private Mono<List<SolicitudDetail.ResultadoMedico>> resultados(int solicitudId) {
        return db.sql("SELECT resultado_id, medico_id, fecha_evaluacion, diagnostico, resultado, observaciones, "
                        + "recomendaciones, estado_certificado FROM resultado_medico WHERE solicitud_id = :id "
                        + "ORDER BY resultado_id")
                .bind("id", solicitudId)
                .map((row, meta) -> new SolicitudDetail.ResultadoMedico(integer(row, "resultado_id"),
                        integer(row, "medico_id"), Formats.date(date(row, "fecha_evaluacion")),
                        str(row, "diagnostico"), str(row, "resultado"), str(row, "observaciones"),
                        str(row, "recomendaciones"), str(row, "estado_certificado")))
                .all().collectList();
    }

    /**
     * The paged list of api.md §7.4: scoping, search and state filter in SQL before paging (ListaSql), then the rows
     * of the page by primary key.
     */
    public Mono<Page> list(ListQuery query, CurrentUser user) {
        ListaSql sql = ListaSql.of(query, user);
        Mono<List<Integer>> ids = Binds.all(db.sql(sql.pageIds()), sql.params())
                .bind("limit", query.pageSize())
                .bind("offset", (query.page() - 1L) * query.pageSize())
                .map((row, meta) -> integer(row, "solicitud_id"))
                .all()
                .collectList();
        Mono<Long> total = Binds.all(db.sql(sql.count()), sql.params())
                .map((row, meta) -> ((Number) row.get("n")).longValue())
                .one();
        return Mono.zip(ids.flatMap(this::listItems), total).map(t -> new Page(t.getT1(), t.getT2()));
    }

    /** The list items of these solicitudes, newest first. */
    private Mono<List<SolicitudListItem>> listItems(List<Integer> ids) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("SELECT s.solicitud_id, s.codigo, s.created_at, s.estado_operativo, s.cliente_id, "
                        + "c.tipo_documento AS c_tipo, c.numero_documento AS c_numero, c.nombres AS c_nombres, "
                        + "c.apellidos AS c_apellidos, c.celular_1 AS c_celular, s.apoderado_id, "
                        + "a.tipo_documento AS a_tipo, a.numero_documento AS a_numero, a.nombres AS a_nombres, "
                        + "a.apellidos AS a_apellidos, g.nombres AS g_nombres, g.apellidos AS g_apellidos, "
                        + "m.nombres AS m_nombres, m.apellidos AS m_apellidos, "
                        + "op.nombres AS op_nombres, op.apellidos AS op_apellidos, " + PROMOTOR_COLUMNS
                        + " FROM solicitud_cmep s JOIN personas c ON c.persona_id = s.cliente_id"
                        + " LEFT JOIN personas a ON a.persona_id = s.apoderado_id"
                        + " LEFT JOIN personas g ON g.persona_id = s.gestor_persona_id"
                        + " LEFT JOIN personas m ON m.persona_id = s.medico_persona_id"
                        + " LEFT JOIN users ou ON ou.user_id = s.created_by"
                        + " LEFT JOIN personas op ON op.persona_id = ou.persona_id" + PROMOTOR_JOINS
                        + " WHERE s.solicitud_id IN (:ids) ORDER BY s.solicitud_id DESC")
                .bind("ids", ids)
                .map((row, meta) -> listItem(row))
                .all()
                .collectList();
    }

    private static SolicitudListItem listItem(Row row) {
        Integer apoderadoId = integer(row, "apoderado_id");
        String tipo = str(row, "c_tipo");
        String numero = str(row, "c_numero");
        return new SolicitudListItem(integer(row, "solicitud_id"), str(row, "codigo"),
                new SolicitudListItem.Cliente(integer(row, "cliente_id"), tipo, numero, doc(tipo, numero),
                        Formats.fullName(str(row, "c_nombres"), str(row, "c_apellidos")), str(row, "c_celular")),
                apoderadoId == null ? null : new SolicitudListItem.Apoderado(apoderadoId, str(row, "a_tipo"),
                        str(row, "a_numero"), str(row, "a_nombres"), str(row, "a_apellidos")),
                str(row, "estado_operativo"), Formats.fullName(str(row, "g_nombres"), str(row, "g_apellidos")),
                Formats.fullName(str(row, "m_nombres"), str(row, "m_apellidos")), promotor(row),
                Formats.fullName(str(row, "op_nombres"), str(row, "op_apellidos")),
                Timestamps.format(dateTime(row, "created_at")));
    }

    static String doc(String tipo, String numero) {
        if (tipo == null && numero == null) {
            return null;
        }
        return ((tipo == null ? "" : tipo) + " " + (numero == null ? "" : numero)).trim();
    }

    private static PromotorSummary promotor(Row row) {
        Integer id = integer(row, "pr_id");
        if (id == null) {
            return null;
        }
        String tipo = str(row, "pr_tipo");
        return new PromotorSummary(id, tipo, PromotorSummary.nombre(tipo, str(row, "pp_nombres"),
                str(row, "pp_apellidos"), str(row, "pr_razon"), str(row, "pr_otros"), str(row, "pr_fuente")),
                str(row, "pr_ruc"), str(row, "pr_email"), str(row, "pr_celular"), str(row, "pr_fuente"));
    }

    public record ListQuery(int page, int pageSize, String q, EstadoOperativo estado, boolean mine) {
    }

    public record Page(List<SolicitudListItem> items, long total) {
    }

    /** The solicitud row with its cliente, apoderado, servicio and promotor, as the detail shows them. */
    private static final class Base {
        final int solicitudId;
        final String codigo;
        final SolicitudDetail.Cliente cliente;
        final SolicitudDetail.Apoderado apoderado;
        final SolicitudDetail.Servicio servicio;
        final PromotorSummary promotor;
        final String estadoAtencion;
        final String estadoPago;
        final String estadoCertificado;
        final BigDecimal tarifaMonto;
        final String tarifaMoneda;
        final String tipoAtencion;
        final String lugarAtencion;
        final String comentario;
        final String motivoCancelacion;
        final String fechaCierre;
        final Integer cerradoPor;
        final String fechaCancelacion;
        final Integer canceladoPor;
        final String comentarioAdmin;
        final String createdAt;
        final String updatedAt;

        Base(Row row) {
            solicitudId = integer(row, "solicitud_id");
            codigo = str(row, "codigo");
            String tipo = str(row, "c_tipo");
            String numero = str(row, "c_numero");
            cliente = new SolicitudDetail.Cliente(integer(row, "cliente_id"), tipo, numero, doc(tipo, numero),
                    Formats.fullName(str(row, "c_nombres"), str(row, "c_apellidos")), str(row, "c_celular"),
                    str(row, "c_email"), Formats.date(date(row, "c_nacimiento")), str(row, "c_direccion"));
            Integer apoderadoId = integer(row, "apoderado_id");
            apoderado = apoderadoId == null ? null : new SolicitudDetail.Apoderado(apoderadoId, str(row, "a_tipo"),
                    str(row, "a_numero"), str(row, "a_nombres"), str(row, "a_apellidos"), str(row, "a_celular"),
                    str(row, "a_email"), Formats.date(date(row, "a_nacimiento")), str(row, "a_direccion"));
            Integer servicioId = integer(row, "servicio_id");
            servicio = servicioId == null ? null : new SolicitudDetail.Servicio(servicioId,
                    str(row, "sv_descripcion"), Formats.money(decimal(row, "sv_tarifa")), str(row, "sv_moneda"));
            promotor = promotor(row);
            estadoAtencion = str(row, "estado_atencion");
            estadoPago = str(row, "estado_pago");
            estadoCertificado = str(row, "estado_certificado");
            tarifaMonto = decimal(row, "tarifa_monto");
            tarifaMoneda = str(row, "tarifa_moneda");
            tipoAtencion = str(row, "tipo_atencion");
            lugarAtencion = str(row, "lugar_atencion");
            comentario = str(row, "comentario");
            motivoCancelacion = str(row, "motivo_cancelacion");
            fechaCierre = Timestamps.format(dateTime(row, "fecha_cierre"));
            cerradoPor = integer(row, "cerrado_por");
            fechaCancelacion = Timestamps.format(dateTime(row, "fecha_cancelacion"));
            canceladoPor = integer(row, "cancelado_por");
            comentarioAdmin = str(row, "comentario_admin");
            createdAt = Timestamps.format(dateTime(row, "created_at"));
            updatedAt = Timestamps.format(dateTime(row, "updated_at"));
        }
    }
}
