package pe.cmep.gateway.policy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import pe.cmep.events.EstadoOperativo;
import pe.cmep.gateway.auth.Roles;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The role × estado operativo → actions matrix of domain.md §4, loaded from a policy file so
 * that a clinic can change its separation of duties without a code change.
 *
 * <p>The file is a JSON object keyed by role ({@code ADMIN}, {@code OPERADOR}, {@code GESTOR},
 * {@code MEDICO}), each an object keyed by the six estados, each a list of action codes — the
 * same shape GET /admin/permisos answers with. Every role and every estado must be there and
 * nothing else, so a typo cannot silently take rights away or grant them.
 */
public final class PolicyMatrix {

    // A duplicated key would otherwise silently replace the first one.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Map<String, Map<EstadoOperativo, Set<Accion>>> matrix;

    private PolicyMatrix(Map<String, Map<EstadoOperativo, Set<Accion>>> matrix) {
        this.matrix = matrix;
    }

    /** Reads and validates a policy file; an invalid one is an {@link IllegalStateException} saying what is wrong. */
    public static PolicyMatrix load(InputStream json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalStateException("not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException("the policy must be a JSON object keyed by role " + Roles.ALL);
        }
        checkKeys(root, Roles.ALL, "role", "the policy");
        Map<String, Map<EstadoOperativo, Set<Accion>>> matrix = new LinkedHashMap<>();
        List<String> estados = Arrays.stream(EstadoOperativo.values()).map(Enum::name).toList();
        for (String role : Roles.ALL) {
            JsonNode byEstado = root.get(role);
            if (!byEstado.isObject()) {
                throw new IllegalStateException("role " + role + " must be an object keyed by estado "
                        + estados);
            }
            checkKeys(byEstado, estados, "estado", "role " + role);
            Map<EstadoOperativo, Set<Accion>> row = new EnumMap<>(EstadoOperativo.class);
            for (EstadoOperativo estado : EstadoOperativo.values()) {
                row.put(estado, actions(byEstado.get(estado.name()), role + "/" + estado));
            }
            matrix.put(role, row);
        }
        return new PolicyMatrix(matrix);
    }

    /**
     * domain.md §4.2: the union of the actions of every role the user holds, without duplicates,
     * sorted by code; roles the matrix does not know add nothing, no roles give an empty list.
     */
    public List<String> allowedActions(Collection<String> roles, EstadoOperativo estado) {
        Set<String> union = new TreeSet<>();
        for (String role : roles) {
            Map<EstadoOperativo, Set<Accion>> row = matrix.get(role);
            if (row != null) {
                row.get(estado).forEach(accion -> union.add(accion.name()));
            }
        }
        return List.copyOf(union);
    }

    public boolean allows(Collection<String> roles, EstadoOperativo estado, Accion accion) {
        return roles.stream().map(matrix::get).anyMatch(row -> row != null && row.get(estado).contains(accion));
    }

    /**
     * The whole matrix for GET /admin/permisos (api.md §7.11): roles and estados in the spec's
     * order, each cell's actions in the column order of the matrix whatever order the file used.
     */
    public Map<String, Map<String, List<String>>> asMap() {
        Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
        matrix.forEach((role, row) -> {
            Map<String, List<String>> cells = new LinkedHashMap<>();
            row.forEach((estado, actions) -> cells.put(estado.name(), actions.stream().map(Enum::name).toList()));
            copy.put(role, Collections.unmodifiableMap(cells));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static void checkKeys(JsonNode object, List<String> expected, String what, String where) {
        List<String> missing = new ArrayList<>(expected);
        List<String> unknown = new ArrayList<>();
        for (String key : object.propertyNames()) {
            if (!missing.remove(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("unknown " + what + " " + unknown + " in " + where
                    + " (expected " + expected + ")");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(where + " lacks " + what + " " + missing);
        }
    }

    private static Set<Accion> actions(JsonNode list, String cell) {
        if (!list.isArray()) {
            throw new IllegalStateException(cell + " must be a list of action codes");
        }
        Set<Accion> actions = EnumSet.noneOf(Accion.class);
        for (JsonNode item : list) {
            Accion accion = item.isString() ? parse(item.asString()) : null;
            if (accion == null) {
                throw new IllegalStateException("unknown action " + item + " in " + cell
                        + " (known: " + Arrays.toString(Accion.values()) + ")");
            }
            if (!actions.add(accion)) {
                throw new IllegalStateException("action " + accion + " is listed twice in " + cell);
            }
        }
        return Collections.unmodifiableSet(actions);
    }

    private static Accion parse(String code) {
        return Arrays.stream(Accion.values()).filter(a -> a.name().equals(code)).findFirst().orElse(null);
    }
}
