package pe.cmep.bench.raw;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * GET /solicitudes as gateway-api runs it: the page's ids and the total built by
 * {@code pe.cmep.gateway.solicitud.ListaSql#of} (one scope: all, or the GESTOR scope of mine=true; FORCE INDEX as its
 * {@code Scope} names it), then the page's rows by {@code SolicitudListaRepository.ITEMS} with
 * {@code PromotorColumnas.COLUMNAS}/{@code JOINS}. Three statements per request, one after the other.
 *
 * @param page          1-based page of 20
 * @param q             the search, or null
 * @param estado        the estado_operativo filter, or null
 * @param gestorPersona mine=true as a GESTOR-only user with this persona, or null
 */
public record RawList(int page, String q, String estado, Integer gestorPersona) implements RawEndpoint {

    static final int PAGE_SIZE = 20;
    /** {@code SolicitudListaRepository.ITEMS}; {@code %s} is the comma-separated ids. */
    static final String ITEMS = """
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
            WHERE s.solicitud_id IN (%%s) ORDER BY s.solicitud_id DESC
            """.formatted(RawDetail.PROMOTOR_COLUMNAS, RawDetail.PROMOTOR_JOINS);

    /** The FROM … WHERE of {@code ListaSql.of}, with its parameters in order. */
    String from(List<Object> params) {
        List<String> filters = new ArrayList<>();
        boolean searching = q != null && !q.isEmpty();
        if (searching) {
            filters.add("(c.numero_documento LIKE ? ESCAPE '!' OR c.nombres LIKE ? ESCAPE '!' "
                    + "OR c.apellidos LIKE ? ESCAPE '!')");
            String like = "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (estado != null) {
            filters.add("s.estado_operativo = ?");
            params.add(estado);
        }
        String hint = "";
        if (gestorPersona != null) {
            filters.add("s.gestor_persona_id = ?");
            params.add(gestorPersona);
            hint = estado != null ? " FORCE INDEX (ix_solicitud_cmep_gestor_estado)" : " FORCE INDEX (ix_solicitud_cmep_gestor)";
        } else if (estado != null) {
            hint = " FORCE INDEX (ix_solicitud_cmep_estado_operativo)";
        }
        String cliente = searching ? " JOIN personas c ON c.persona_id = s.cliente_id" : "";
        return " FROM solicitud_cmep s" + hint + cliente + (filters.isEmpty() ? "" : " WHERE " + String.join(" AND ", filters));
    }

    /**
     * {@code ListaSql}'s total: every solicitud, or every one in a state, is the sum of solicitud_conteo's slots
     * (decision 41); a search or a mine scope counts its rows.
     */
    private PreparedStatement countStatement(Connection connection, String from, List<Object> params)
            throws java.sql.SQLException {
        boolean counted = (q == null || q.isEmpty()) && gestorPersona == null;
        if (counted) {
            PreparedStatement count = connection.prepareStatement("SELECT COALESCE(SUM(c.n), 0) AS n FROM solicitud_conteo c"
                    + (estado != null ? " WHERE c.estado_operativo = ?" : ""));
            if (estado != null) {
                count.setString(1, estado);
            }
            return count;
        }
        PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) AS n" + from);
        for (int i = 0; i < params.size(); i++) {
            count.setObject(i + 1, params.get(i));
        }
        return count;
    }

    @Override
    public RawCall open(Connection connection) throws java.sql.SQLException {
        List<Object> params = new ArrayList<>();
        String from = from(params);
        PreparedStatement ids = connection.prepareStatement("SELECT s.solicitud_id" + from
                + " ORDER BY s.solicitud_id DESC LIMIT ? OFFSET ?");
        for (int i = 0; i < params.size(); i++) {
            ids.setObject(i + 1, params.get(i));
        }
        PreparedStatement count = countStatement(connection, from, params);
        ids.setInt(params.size() + 1, PAGE_SIZE);
        ids.setLong(params.size() + 2, (page - 1L) * PAGE_SIZE);
        Statement items = connection.createStatement();
        return () -> {
            List<Integer> page = new ArrayList<>();
            try (ResultSet r = ids.executeQuery()) {
                while (r.next()) {
                    page.add(r.getInt(1));
                }
            }
            RawEndpoint.drain(count.executeQuery());
            if (!page.isEmpty()) {
                RawEndpoint.drain(items.executeQuery(ITEMS.formatted(page.stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")))));
            }
        };
    }
}
