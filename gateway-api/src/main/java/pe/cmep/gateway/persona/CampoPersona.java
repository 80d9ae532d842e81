package pe.cmep.gateway.persona;

import java.util.function.Function;

/** The columns an upsert compares, in the order their changes are returned. */
enum CampoPersona {
    NOMBRES("nombres", PersonaDatos::nombres),
    APELLIDOS("apellidos", PersonaDatos::apellidos),
    CELULAR("celular_1", PersonaDatos::celular),
    EMAIL("email", PersonaDatos::email),
    FECHA_NACIMIENTO("fecha_nacimiento", PersonaDatos::fechaNacimiento),
    DIRECCION("direccion", PersonaDatos::direccion);

    private final String columna;
    private final Function<PersonaDatos, Object> valor;

    CampoPersona(String columna, Function<PersonaDatos, Object> valor) {
        this.columna = columna;
        this.valor = valor;
    }

    static CampoPersona of(String columna) {
        for (CampoPersona c : values()) {
            if (c.columna.equals(columna)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Not a persona field: " + columna);
    }

    String columna() {
        return columna;
    }

    Object valor(PersonaDatos datos) {
        return valor.apply(datos);
    }

    /** The value as historial text; a date is ISO {@code yyyy-MM-dd}. */
    String text(PersonaDatos datos) {
        Object v = valor.apply(datos);
        return v == null ? null : v.toString();
    }
}
