package pe.cmep.gateway.catalogo;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A promotor as the /promotores endpoints return it (api.md §7.7, exact). The {@code persona*}
 * components are filled only for a PERSONA promotor with a linked persona.
 */
public record PromotorItem(Integer promotorId, String tipoPromotor, String nombre, String razonSocial,
                           String nombrePromotorOtros, String ruc, String email,
                           // the naming strategy does not split digits off, so the name is given
                           @JsonProperty("celular_1") String celular1,
                           String fuentePromotor, String comentario, Integer personaId, String personaNombres,
                           String personaApellidos, String personaTipoDocumento, String personaNumeroDocumento) {
}
