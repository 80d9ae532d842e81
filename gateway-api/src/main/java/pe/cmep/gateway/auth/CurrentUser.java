package pe.cmep.gateway.auth;

import java.util.List;

/**
 * The user behind a valid session, with roles loaded fresh for this request.
 *
 * @param sessionHash the stored hash of the caller's session (for logout); never sent to the client
 */
public record CurrentUser(int userId, String userEmail, String estado, List<String> roles,
                          List<String> permissionsExtra, String displayName, Integer personaId,
                          String sessionHash) {

    public CurrentUser {
        roles = List.copyOf(roles);
        permissionsExtra = List.copyOf(permissionsExtra);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public UserDto toDto() {
        return new UserDto(userId, userEmail, estado, roles, permissionsExtra, displayName);
    }

    CurrentUser withSession(String hash) {
        return new CurrentUser(userId, userEmail, estado, roles, permissionsExtra, displayName, personaId, hash);
    }
}
