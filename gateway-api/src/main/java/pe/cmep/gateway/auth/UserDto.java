package pe.cmep.gateway.auth;

import java.util.List;

/** UserDTO of api.md §7.2 (snake_case on the wire). */
public record UserDto(int userId, String userEmail, String estado, List<String> roles,
                      List<String> permissionsExtra, String displayName) {
}
