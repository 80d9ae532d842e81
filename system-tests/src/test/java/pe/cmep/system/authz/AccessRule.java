package pe.cmep.system.authz;

/**
 * Who may call an endpoint, as api.md §6's auth column writes it: {@code anon}, {@code user}, {@code ADMIN}, or
 * {@code policy:ACTION} (the solicitud's current estado_operativo must grant ACTION to one of the caller's roles).
 */
record AccessRule(Kind kind, String action) {

    enum Kind { ANON, USER, ADMIN, POLICY }

    static AccessRule parse(String text) {
        if (text.startsWith("policy:")) {
            return new AccessRule(Kind.POLICY, text.substring("policy:".length()));
        }
        return switch (text) {
            case "anon" -> new AccessRule(Kind.ANON, null);
            case "user" -> new AccessRule(Kind.USER, null);
            case "ADMIN" -> new AccessRule(Kind.ADMIN, null);
            default -> throw new IllegalArgumentException("unknown access rule " + text);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ANON -> "anon";
            case USER -> "user";
            case ADMIN -> "ADMIN";
            case POLICY -> "policy:" + action;
        };
    }
}
