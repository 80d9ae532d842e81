package pe.cmep.gateway.persona;

/**
 * One column of an existing persona that an upsert changed: {@code campo} is the column name
 * ({@code nombres}, {@code celular_1}, {@code fecha_nacimiento}...), the values as historial text.
 */
public record PersonaCambio(String campo, String anterior, String nuevo) {
}
