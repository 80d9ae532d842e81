package pe.cmep.gateway.catalogo;

/**
 * The promotor as solicitud DTOs show it (api.md §7.3, exact). {@code celular} is the
 * promotor's {@code celular_1}.
 */
public record PromotorSummary(Integer promotorId, String tipoPromotor, String nombre, String ruc, String email,
                              String celular, String fuentePromotor) {

    /**
     * The display name of a promotor (api.md §7.3): a PERSONA with its persona → "nombres apellidos";
     * EMPRESA → razon_social, else "?"; anything else → nombre_promotor_otros, else fuente_promotor,
     * else "?". An empty or blank text counts as absent, so a name is never shown blank.
     *
     * @param personaNombres   the linked persona's nombres, null when there is none (both name
     *                         columns are NOT NULL, so a linked persona always has both)
     * @param personaApellidos the linked persona's apellidos, null when there is none
     */
    public static String nombre(String tipo, String personaNombres, String personaApellidos, String razonSocial,
                                String nombreOtros, String fuente) {
        if ("PERSONA".equals(tipo) && personaNombres != null && personaApellidos != null) {
            return personaNombres + " " + personaApellidos;
        }
        if ("EMPRESA".equals(tipo)) {
            return present(razonSocial) ? razonSocial : "?";
        }
        if (present(nombreOtros)) {
            return nombreOtros;
        }
        return present(fuente) ? fuente : "?";
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
