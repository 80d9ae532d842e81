package pe.cmep.gateway.solicitud;

import static pe.cmep.gateway.solicitud.Rows.dateTime;
import static pe.cmep.gateway.solicitud.Rows.integer;
import static pe.cmep.gateway.solicitud.Rows.str;

import io.r2dbc.spi.Row;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.db.Binds;
import pe.cmep.gateway.text.Timestamps;
import reactor.core.publisher.Mono;

/**
 * The paged list of api.md §7.4: scoping, search and state filter in SQL before paging (ListaSql), then the rows
 * of the page by primary key.
 */
@Repository
class SolicitudListaRepository {

    private static final String ITEMS = """
            SELECT s.solicitud_id, s.codigo, s.created_at, s.estado_operativo, s.cliente_id,
                c.tipo_documento AS c_tipo, c.numero_documento AS c_numero, c.nombres AS c_nombres,
                c.apellidos AS c_apellidos, c.celular_1 AS c_celular, s.apoderado_id,
                a.tipo_documento AS a_tipo, a.numero_documento AS a_numero, a.nombres AS a_nombres,
                a.apellidos AS a_apellidos, g.nombres AS g_nombres, g.apellidos AS g_apellidos,
                m.nombres AS m_nombres, m.apellidos AS m_apellidos,
                op.nombres AS op_nombres, op.apellidos AS op_apellidos, %s
            FROM solicitud_cmep s JOIN personas c ON c.persona_id = s.cliente_id
            LEFT JOIN personas a ON a.persona_id = s.apoderado_id
            LEFT JOIN personas g ON g.persona_id = s.gestor_persona_id
            LEFT JOIN personas m ON m.persona_id = s.medico_persona_id
            LEFT JOIN users ou ON ou.user_id = s.created_by
            LEFT JOIN personas op ON op.persona_id = ou.persona_id %s
            WHERE s.solicitud_id IN (:ids) ORDER BY s.solicitud_id DESC
            """.formatted(PromotorColumnas.COLUMNAS, PromotorColumnas.JOINS);

    private final DatabaseClient db;

    SolicitudListaRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<SolicitudQueries.Page> page(SolicitudQueries.ListQuery query, CurrentUser user) {
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
        return Mono.zip(ids.flatMap(this::items), total).map(t -> new SolicitudQueries.Page(t.getT1(), t.getT2()));
    }

    /** The list items of these solicitudes, newest first. */
    private Mono<List<SolicitudListItem>> items(List<Integer> ids) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql(ITEMS).bind("ids", ids).map((row, meta) -> listItem(row)).all().collectList();
    }

    private static SolicitudListItem listItem(Row row) {
        Integer apoderadoId = integer(row, "apoderado_id");
        String tipo = str(row, "c_tipo");
        String numero = str(row, "c_numero");
        return new SolicitudListItem(integer(row, "solicitud_id"), str(row, "codigo"),
                new SolicitudListItem.Cliente(integer(row, "cliente_id"), tipo, numero, PromotorColumnas.doc(tipo, numero),
                        Formats.fullName(str(row, "c_nombres"), str(row, "c_apellidos")), str(row, "c_celular")),
                apoderadoId == null ? null : new SolicitudListItem.Apoderado(apoderadoId, str(row, "a_tipo"),
                        str(row, "a_numero"), str(row, "a_nombres"), str(row, "a_apellidos")),
                str(row, "estado_operativo"), Formats.fullName(str(row, "g_nombres"), str(row, "g_apellidos")),
                Formats.fullName(str(row, "m_nombres"), str(row, "m_apellidos")), PromotorColumnas.promotor(row),
                Formats.fullName(str(row, "op_nombres"), str(row, "op_apellidos")),
                Timestamps.format(dateTime(row, "created_at")));
    }

}
