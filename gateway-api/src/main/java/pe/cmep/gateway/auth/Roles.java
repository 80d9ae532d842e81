package pe.cmep.gateway.auth;

import java.util.Comparator;
import java.util.List;

/** The four roles, in the order the API lists them. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String OPERADOR = "OPERADOR";
    public static final String GESTOR = "GESTOR";
    public static final String MEDICO = "MEDICO";
    public static final List<String> ALL = List.of(ADMIN, OPERADOR, GESTOR, MEDICO);

    private Roles() {
    }

    public static List<String> sorted(List<String> roles) {
        return roles.stream().distinct().sorted(Comparator.comparingInt(ALL::indexOf)).toList();
    }
}
