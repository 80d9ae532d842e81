package pe.cmep.gateway.admin;

import pe.cmep.gateway.web.ApiException;

/** The refusals of admin user management (api.md §7.10) and the 409 each unique key's violation means. */
final class AdminUserErrors {

    static final String EMAIL_TAKEN = "Ya existe un usuario con ese email";
    static final String PERSONA_HAS_USER = "Esta persona ya tiene un usuario asociado";
    static final String NOT_FOUND = "Usuario no encontrado";
    static final String SELF_SUSPEND = "No puedes suspenderte a ti mismo";
    static final String LAST_ADMIN = "Debe quedar al menos un ADMIN activo";
    static final String DOCUMENT_TAKEN = "Ya existe una persona con ese documento";

    private AdminUserErrors() {
    }

    /** A concurrent write that won the race for a unique key the checks had found free. */
    static ApiException conflictOf(Throwable e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("uq_users_persona")) {
            return ApiException.conflict(PERSONA_HAS_USER);
        }
        if (text.contains("uq_persona_documento")) {
            return ApiException.conflict(DOCUMENT_TAKEN);
        }
        return ApiException.conflict(EMAIL_TAKEN);
    }
}
