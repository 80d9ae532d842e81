package pe.cmep.gateway.contract;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The JSON request bodies of api.md §7, field for field: names, types, what is required, enum values and lengths.
 * The handlers read raw bytes (web/FieldReader), so these records exist only to describe them; a field without
 * {@code requiredMode = REQUIRED} may be omitted or null (api.md §1).
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /** POST /auth/login (api.md §7.2). */
    record LoginBody(@Schema(requiredMode = REQUIRED, description = "trimmed and lower-cased before lookup") String email,
                     @Schema(requiredMode = REQUIRED) String password) {
    }

    /** The cliente and apoderado of POST /solicitudes (api.md §7.4). */
    record PersonaBody(
            @Schema(requiredMode = REQUIRED, allowableValues = {"DNI", "CE", "PASAPORTE", "RUC"}) String tipoDocumento,
            @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 30) String numeroDocumento,
            @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 150) String nombres,
            @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 150) String apellidos,
            @Schema(description = "stored as the persona's celular_1") String celular,
            @Schema(format = "date") String fechaNacimiento,
            @Schema(description = "no format check") String email,
            @Schema String direccion) {
    }

    /** POST /promotores, and the inline promotor of POST /solicitudes (api.md §7.7). */
    record PromotorBody(
            @Schema(requiredMode = REQUIRED, allowableValues = {"PERSONA", "EMPRESA", "OTROS"}) String tipoPromotor,
            @Schema(description = "PERSONA: with numero_documento, the persona is found or created by document")
            String tipoDocumento,
            @Schema String numeroDocumento,
            @Schema(description = "required non-empty when PERSONA") String nombres,
            @Schema(description = "required non-empty when PERSONA") String apellidos,
            @Schema(description = "required non-empty when EMPRESA") String razonSocial,
            @Schema(description = "required non-empty when OTROS") String nombrePromotorOtros,
            @Schema String ruc,
            @Schema String email,
            @Schema @JsonProperty("celular_1") String celular1,
            @Schema String fuentePromotor,
            @Schema String comentario) {
    }

    /** Accepted by POST /solicitudes; the web app does not send it. */
    record AtencionBody(@Schema(allowableValues = {"VIRTUAL", "PRESENCIAL"}) String tipoAtencion,
                        @Schema String lugarAtencion) {
    }

    /** POST /solicitudes (api.md §7.4): sending both promotor and promotor_id is a 422. */
    record RegistroBody(@Schema(requiredMode = REQUIRED) PersonaBody cliente,
                        @Schema PersonaBody apoderado,
                        @Schema(description = "a new promotor, created as POST /promotores does") PromotorBody promotor,
                        @Schema(description = "an existing promotor") Integer promotorId,
                        @Schema AtencionBody atencion,
                        @Schema(description = "an existing servicio") Integer servicioId,
                        @Schema String comentario) {
    }

    /** PATCH /solicitudes/{solicitud_id} (api.md §7.4): only the keys present are considered. */
    record EdicionBody(@Schema(allowableValues = {"VIRTUAL", "PRESENCIAL"}) String tipoAtencion,
                       @Schema String lugarAtencion,
                       @Schema String comentario,
                       @Schema Integer servicioId,
                       @Schema(allowableValues = {"APROBADO", "OBSERVADO"}) String estadoCertificado,
                       @Schema(minLength = 1) @NeverNull String clienteNombres,
                       @Schema(minLength = 1) @NeverNull String clienteApellidos,
                       @Schema String clienteCelular,
                       @Schema String clienteEmail,
                       @Schema(format = "date") String clienteFechaNacimiento,
                       @Schema String clienteDireccion,
                       @Schema(minLength = 1) @NeverNull String apoderadoNombres,
                       @Schema(minLength = 1) @NeverNull String apoderadoApellidos,
                       @Schema String apoderadoCelular,
                       @Schema String apoderadoEmail,
                       @Schema(format = "date") String apoderadoFechaNacimiento,
                       @Schema String apoderadoDireccion) {
    }

    /** asignar-gestor and cambiar-gestor (api.md §7.5). */
    record GestorBody(@Schema(requiredMode = REQUIRED) Integer personaIdGestor) {
    }

    /** asignar-medico and cambiar-medico (api.md §7.5). */
    record MedicoBody(@Schema(requiredMode = REQUIRED) Integer personaIdMedico) {
    }

    /** registrar-pago, and the payload of an override REGISTRAR_PAGO (api.md §7.5). */
    record PagoBody(@Schema(requiredMode = REQUIRED, minLength = 1) String canalPago,
                    @Schema(requiredMode = REQUIRED, format = "date") String fechaPago,
                    @Schema(requiredMode = REQUIRED, anyOf = {BigDecimal.class, String.class},
                            description = "greater than 0, at most 2 decimals; a JSON number or a numeric string")
                    Object monto,
                    @Schema(allowableValues = {"PEN", "USD"}, description = "default PEN") String moneda,
                    @Schema String referenciaTransaccion,
                    @Schema(description = "stored on the payment, not in historial") String comentario) {
    }

    /** cerrar and cancelar (api.md §7.5); the web app sends at least {}. */
    record ComentarioBody(@Schema(maxLength = 10_000) String comentario) {
    }

    /** POST /solicitudes/{solicitud_id}/override (api.md §7.5). */
    record OverrideBody(@Schema(requiredMode = REQUIRED, minLength = 1) String motivo,
                        @Schema(requiredMode = REQUIRED, allowableValues = {"EDITAR_DATOS", "CAMBIAR_GESTOR",
                                "CAMBIAR_MEDICO", "REGISTRAR_PAGO", "CERRAR", "CANCELAR"}) String accion,
                        @Schema(description = "by accion: EdicionBody's solicitud-level keys, GestorBody, MedicoBody,"
                                + " PagoBody, or nothing; default {}") Map<String, Object> payload) {
    }

    /** PATCH /promotores/{promotor_id} (api.md §7.7): each key present is written as given, null clears it. */
    record PromotorPatchBody(@Schema String razonSocial,
                             @Schema String nombrePromotorOtros,
                             @Schema String ruc,
                             @Schema String email,
                             @Schema @JsonProperty("celular_1") String celular1,
                             @Schema String fuentePromotor,
                             @Schema String comentario,
                             @Schema(description = "applied to a PERSONA promotor's persona when non-empty")
                             String nombres,
                             @Schema(description = "applied to a PERSONA promotor's persona when non-empty")
                             String apellidos,
                             @Schema(description = "ignored: the type cannot be changed") String tipoPromotor,
                             @Schema(description = "ignored: the document cannot be changed") String tipoDocumento,
                             @Schema(description = "ignored: the document cannot be changed")
                             String numeroDocumento) {
    }

    /** POST /admin/usuarios (api.md §7.10). */
    record NuevoUsuarioBody(
            @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 255) String userEmail,
            @Schema(requiredMode = REQUIRED, minLength = 8, maxLength = 128) String password,
            @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 150) String nombres,
            @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 150) String apellidos,
            @Schema(requiredMode = REQUIRED, allowableValues = {"DNI", "CE", "PASAPORTE"}) String tipoDocumento,
            @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 30) String numeroDocumento,
            @Schema(description = "the persona's celular_1") String telefono,
            @Schema String direccion,
            @Schema(format = "date") String fechaNacimiento,
            @Schema(requiredMode = REQUIRED, allowableValues = {"ADMIN", "OPERADOR", "GESTOR", "MEDICO"},
                    description = "at least one; duplicates are removed") List<String> roles) {
    }

    /** PATCH /admin/usuarios/{user_id} (api.md §7.10): null or absent leaves a field unchanged. */
    record UsuarioPatchBody(@Schema String nombres,
                            @Schema String apellidos,
                            @Schema(description = "the persona's celular_1") String telefono,
                            @Schema(description = "the persona's contact email, not the login") String email,
                            @Schema @JsonProperty("celular_2") String celular2,
                            @Schema String telefonoFijo,
                            @Schema(format = "date") String fechaNacimiento,
                            @Schema String direccion,
                            @Schema String tipoDocumento,
                            @Schema String numeroDocumento,
                            @Schema String comentario,
                            @Schema(allowableValues = {"ADMIN", "OPERADOR", "GESTOR", "MEDICO"},
                                    description = "replaces every role; duplicates are removed") List<String> roles,
                            @Schema(description = "false suspends the user and ends its sessions") Boolean isActive) {
    }

    /** POST /admin/usuarios/{user_id}/reset-password (api.md §7.10). */
    record ResetPasswordBody(@Schema(requiredMode = REQUIRED, minLength = 8, maxLength = 128) String newPassword) {
    }
}
