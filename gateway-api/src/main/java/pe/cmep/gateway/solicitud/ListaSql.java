package pe.cmep.gateway.solicitud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import pe.cmep.gateway.auth.CurrentUser;

/**
 * The statements of one page of the solicitud list (api.md §7.4, domain.md §5.11): the ids of the page and the
 * filtered total. Every filter is a column of {@code solicitud_cmep} with an index that ends in solicitud_id
 * (V7), so the ids come in index order and a page reads about as many rows as it shows whatever the size of the
 * table; the rows of the page are then read by primary key. Only the search {@code q} needs the cliente, and scans
 * in id order until the page is full. A user scoped to several roles (mine) gets one branch per role, each cut to
 * the rows a page that deep can need, so their union never holds more than that. The total of every solicitud, or
 * of one state, is read from the maintained counters of solicitud_conteo; a search or a mine scope counts its
 * rows.
 *
 * @param pageIds the page's solicitud ids, newest first; named parameters {@code limit}, {@code offset} and
 *                {@link #params()}
 * @param count   the number of solicitudes the filters keep (api.md §0 D4)
 */
record ListaSql(String pageIds, String count, Map<String, Object> params) {

    static ListaSql of(SolicitudQueries.ListQuery query, CurrentUser user) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> filters = new ArrayList<>();
        boolean searching = query.q() != null && !query.q().isEmpty();
        if (searching) {
            filters.add("(c.numero_documento LIKE :q ESCAPE '!' OR c.nombres LIKE :q ESCAPE '!' "
                    + "OR c.apellidos LIKE :q ESCAPE '!')");
            params.put("q", "%" + escapeLike(query.q()) + "%");
        }
        boolean byEstado = query.estado() != null;
        if (byEstado) {
            filters.add("s.estado_operativo = :estado");
            params.put("estado", query.estado().name());
        }
        String cliente = searching ? " JOIN personas c ON c.persona_id = s.cliente_id" : "";
        Function<Scope, String> rows = scope -> " FROM solicitud_cmep s" + hint(scope, byEstado) + cliente
                + where(filters, scope);
        List<Scope> scopes = query.mine() && !user.hasRole("ADMIN") ? scopes(user, params) : List.of(Scope.ALL);
        if (scopes.size() == 1) {
            String from = rows.apply(scopes.get(0));
            String count = scopes.get(0) == Scope.ALL && !searching ? countFromConteo(byEstado)
                    : "SELECT COUNT(*) AS n" + from;
            return new ListaSql("SELECT s.solicitud_id" + from + " ORDER BY s.solicitud_id DESC "
                    + "LIMIT :limit OFFSET :offset", count, params);
        }
        long window = (long) query.page() * query.pageSize();
        String branches = scopes.stream()
                .map(scope -> "(SELECT s.solicitud_id" + rows.apply(scope) + " ORDER BY s.solicitud_id DESC LIMIT "
                        + window + ")")
                .collect(Collectors.joining(" UNION "));
        String counted = scopes.stream()
                .map(scope -> "SELECT s.solicitud_id" + rows.apply(scope))
                .collect(Collectors.joining(" UNION "));
        return new ListaSql("SELECT u.solicitud_id FROM (" + branches + ") u "
                + "ORDER BY u.solicitud_id DESC LIMIT :limit OFFSET :offset",
                "SELECT COUNT(*) AS n FROM (" + counted + ") u", params);
    }

    /**
     * Every solicitud, or every one in a state, is what solicitud_conteo counts (decision 41): the total is the sum
     * of that state's slots, at most 96 rows read, instead of a count of the table or of the state's index.
     */
    private static String countFromConteo(boolean byEstado) {
        return "SELECT COALESCE(SUM(c.n), 0) AS n FROM solicitud_conteo c"
                + (byEstado ? " WHERE c.estado_operativo = :estado" : "");
    }

    /**
     * mine=true for a user without ADMIN (domain.md §5.11): the solicitudes it registered as OPERADOR, those whose
     * vigente GESTOR or MEDICO it is; none at all without those roles.
     */
    private static List<Scope> scopes(CurrentUser user, Map<String, Object> params) {
        List<Scope> scopes = new ArrayList<>();
        if (user.hasRole("OPERADOR")) {
            scopes.add(Scope.REGISTERED);
            params.put("userId", user.userId());
        }
        if (user.hasRole("GESTOR") && user.personaId() != null) {
            scopes.add(Scope.GESTOR);
            params.put("personaId", user.personaId());
        }
        if (user.hasRole("MEDICO") && user.personaId() != null) {
            scopes.add(Scope.MEDICO);
            params.put("personaId", user.personaId());
        }
        return scopes.isEmpty() ? List.of(Scope.NONE) : scopes;
    }

    /**
     * The solicitudes, read through the index that holds the scope and the state in solicitud_id order. Named, as
     * the optimizer's own pick follows its estimates: with a scope and a state it meets two indexes in an
     * intersection and sorts it, and for a common key it walks the primary key instead, which for a rare one reads
     * the whole table. Each of these is covering, so a page reads its ids from the index alone.
     */
    private static String hint(Scope scope, boolean byEstado) {
        String index = byEstado ? scope.indexWithEstado : scope.index;
        return index == null ? "" : " FORCE INDEX (" + index + ")";
    }

    private enum Scope {
        ALL(null, null, "ix_solicitud_cmep_estado_operativo"),
        NONE("1 = 0", null, null),
        REGISTERED("s.created_by = :userId", "ix_solicitud_cmep_created_by", "ix_solicitud_cmep_created_by_estado"),
        GESTOR("s.gestor_persona_id = :personaId", "ix_solicitud_cmep_gestor", "ix_solicitud_cmep_gestor_estado"),
        MEDICO("s.medico_persona_id = :personaId", "ix_solicitud_cmep_medico", "ix_solicitud_cmep_medico_estado");

        private final String condition;
        private final String index;
        private final String indexWithEstado;

        Scope(String condition, String index, String indexWithEstado) {
            this.condition = condition;
            this.index = index;
            this.indexWithEstado = indexWithEstado;
        }
    }

    private static String where(List<String> filters, Scope scope) {
        List<String> all = new ArrayList<>(filters);
        if (scope.condition != null) {
            all.add(scope.condition);
        }
        return all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all);
    }

    /** {@code %} and {@code _} in q match literally (domain.md §10 #22). */
    static String escapeLike(String q) {
        return q.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
