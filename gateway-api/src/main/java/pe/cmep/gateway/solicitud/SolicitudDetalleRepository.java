package pe.cmep.gateway.solicitud;

import static pe.cmep.gateway.solicitud.Rows.date;
import static pe.cmep.gateway.solicitud.Rows.dateTime;
import static pe.cmep.gateway.solicitud.Rows.decimal;
import static pe.cmep.gateway.solicitud.Rows.integer;
import static pe.cmep.gateway.solicitud.Rows.str;

import io.r2dbc.spi.Row;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import pe.cmep.gateway.catalogo.PromotorSummary;
import pe.cmep.gateway.text.Timestamps;
import reactor.core.publisher.Mono;

/** The rows of a solicitud's detail (api.md §7.3), each part by its own statement. */
@Repository
class SolicitudDetalleRepository {

    private static final String BASE = """
            SELECT s.solicitud_id, s.codigo, s.cliente_id, s.apoderado_id, s.servicio_id, s.estado_atencion,
                s.estado_pago, s.estado_certificado, s.tarifa_monto, s.tarifa_moneda, s.tipo_atencion,
                s.lugar_atencion, s.comentario, s.motivo_cancelacion, s.fecha_cierre, s.cerrado_por,
                s.fecha_cancelacion, s.cancelado_por, s.comentario_admin, s.created_at, s.updated_at,
                c.tipo_documento AS c_tipo, c.numero_documento AS c_numero, c.nombres AS c_nombres,
                c.apellidos AS c_apellidos, c.celular_1 AS c_celular, c.email AS c_email,
                c.fecha_nacimiento AS c_nacimiento, c.direccion AS c_direccion,
                a.tipo_documento AS a_tipo, a.numero_documento AS a_numero, a.nombres AS a_nombres,
                a.apellidos AS a_apellidos, a.celular_1 AS a_celular, a.email AS a_email,
                a.fecha_nacimiento AS a_nacimiento, a.direccion AS a_direccion,
                sv.descripcion_servicio AS sv_descripcion, sv.tarifa_servicio AS sv_tarifa,
                sv.moneda_tarifa AS sv_moneda, %s
            FROM solicitud_cmep s JOIN personas c ON c.persona_id = s.cliente_id
            LEFT JOIN personas a ON a.persona_id = s.apoderado_id
            LEFT JOIN servicios sv ON sv.servicio_id = s.servicio_id %s
            WHERE s.solicitud_id = :id
            """.formatted(PromotorColumnas.COLUMNAS, PromotorColumnas.JOINS);
    private static final String PAGOS = """
            SELECT pago_id, canal_pago, fecha_pago, monto, moneda, referencia_transaccion, comentario, validated_at
            FROM pago_solicitud WHERE solicitud_id = :id ORDER BY pago_id
            """;
    private static final String ARCHIVOS = """
            SELECT sa.id, a.archivo_id, sa.pago_id, a.nombre_original, a.tipo, a.mime_type, a.tamano_bytes,
                a.estado_verificacion, a.sha256
            FROM solicitud_archivo sa JOIN archivos a ON a.archivo_id = sa.archivo_id
            WHERE sa.solicitud_id = :id ORDER BY sa.id
            """;
    private static final String HISTORIAL = """
            SELECT h.historial_id, h.campo, h.valor_anterior, h.valor_nuevo, h.cambiado_por, h.cambiado_en,
                h.comentario, p.nombres, p.apellidos
            FROM solicitud_estado_historial h
            LEFT JOIN users u ON u.user_id = h.cambiado_por
            LEFT JOIN personas p ON p.persona_id = u.persona_id
            WHERE h.solicitud_id = :id ORDER BY h.cambiado_en DESC, h.historial_id DESC
            """;
    private static final String RESULTADOS = """
            SELECT resultado_id, medico_id, fecha_evaluacion, diagnostico, resultado, observaciones,
                recomendaciones, estado_certificado
            FROM resultado_medico WHERE solicitud_id = :id ORDER BY resultado_id
            """;

    private final DatabaseClient db;

    SolicitudDetalleRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The solicitud row with its cliente, apoderado, servicio and promotor; empty when absent. */
    Mono<Base> base(int solicitudId) {
        return db.sql(BASE).bind("id", solicitudId).map((row, meta) -> new Base(row)).one();
    }

    Mono<List<SolicitudDetail.Pago>> pagos(int solicitudId) {
        return db.sql(PAGOS).bind("id", solicitudId).map((row, meta) -> pago(row)).all().collectList();
    }

    Mono<List<SolicitudDetail.Archivo>> archivos(int solicitudId) {
        return db.sql(ARCHIVOS).bind("id", solicitudId).map((row, meta) -> archivo(row)).all().collectList();
    }

    Mono<List<SolicitudDetail.Historial>> historial(int solicitudId) {
        return db.sql(HISTORIAL).bind("id", solicitudId).map((row, meta) -> historial(row)).all().collectList();
    }

    Mono<List<SolicitudDetail.ResultadoMedico>> resultados(int solicitudId) {
        return db.sql(RESULTADOS).bind("id", solicitudId).map((row, meta) -> resultado(row)).all().collectList();
    }

    private static SolicitudDetail.Pago pago(Row row) {
        return new SolicitudDetail.Pago(integer(row, "pago_id"), str(row, "canal_pago"),
                Formats.date(date(row, "fecha_pago")), Formats.money(decimal(row, "monto")), str(row, "moneda"),
                str(row, "referencia_transaccion"), str(row, "comentario"),
                Timestamps.format(dateTime(row, "validated_at")));
    }

    private static SolicitudDetail.Archivo archivo(Row row) {
        return new SolicitudDetail.Archivo(integer(row, "id"), integer(row, "archivo_id"), integer(row, "pago_id"),
                str(row, "nombre_original"), str(row, "tipo"), str(row, "mime_type"), integer(row, "tamano_bytes"),
                str(row, "estado_verificacion"),
                "VERIFICADO".equals(str(row, "estado_verificacion")) ? str(row, "sha256") : null);
    }

    private static SolicitudDetail.Historial historial(Row row) {
        return new SolicitudDetail.Historial(integer(row, "historial_id"), str(row, "campo"),
                str(row, "valor_anterior"), str(row, "valor_nuevo"), integer(row, "cambiado_por"),
                Formats.fullName(str(row, "nombres"), str(row, "apellidos")),
                Timestamps.format(dateTime(row, "cambiado_en")), str(row, "comentario"));
    }

    private static SolicitudDetail.ResultadoMedico resultado(Row row) {
        return new SolicitudDetail.ResultadoMedico(integer(row, "resultado_id"), integer(row, "medico_id"),
                Formats.date(date(row, "fecha_evaluacion")), str(row, "diagnostico"), str(row, "resultado"),
                str(row, "observaciones"), str(row, "recomendaciones"), str(row, "estado_certificado"));
    }

    /** The solicitud row with its cliente, apoderado, servicio and promotor, as the detail shows them. */
    static final class Base {
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
            cliente = new SolicitudDetail.Cliente(integer(row, "cliente_id"), tipo, numero, PromotorColumnas.doc(tipo, numero),
                    Formats.fullName(str(row, "c_nombres"), str(row, "c_apellidos")), str(row, "c_celular"),
                    str(row, "c_email"), Formats.date(date(row, "c_nacimiento")), str(row, "c_direccion"));
            Integer apoderadoId = integer(row, "apoderado_id");
            apoderado = apoderadoId == null ? null : new SolicitudDetail.Apoderado(apoderadoId, str(row, "a_tipo"),
                    str(row, "a_numero"), str(row, "a_nombres"), str(row, "a_apellidos"), str(row, "a_celular"),
                    str(row, "a_email"), Formats.date(date(row, "a_nacimiento")), str(row, "a_direccion"));
            Integer servicioId = integer(row, "servicio_id");
            servicio = servicioId == null ? null : new SolicitudDetail.Servicio(servicioId,
                    str(row, "sv_descripcion"), Formats.money(decimal(row, "sv_tarifa")), str(row, "sv_moneda"));
            promotor = PromotorColumnas.promotor(row);
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
    }}
