package pe.cmep.gateway.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** AdminUserDTO of api.md §7.10 (snake_case on the wire, nulls included). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AdminUserDto(int userId, String userEmail, boolean isActive, int personaId, String nombres,
                           String apellidos, String tipoDocumento, String numeroDocumento, String telefono,
                           String email, @JsonProperty("celular_2") String celular2, String telefonoFijo, String fechaNacimiento,
                           String direccion, String comentario, List<String> roles, String createdAt) {
}
