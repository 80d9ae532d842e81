package pe.cmep.gateway.contract;

import java.util.List;
import pe.cmep.gateway.policy.Accion;

/**
 * The auth column of api.md §6: {@code anon}, {@code user}, {@code ADMIN} or {@code policy:X}, written in the
 * document as the operation's {@code x-cmep-auth} and as the error statuses it implies (check order, api.md §1).
 */
record Auth(String label, List<Integer> statuses) {

    static final Auth ANON = new Auth("anon", List.of());
    static final Auth USER = new Auth("user", List.of(401));
    static final Auth ADMIN = new Auth("ADMIN", List.of(401, 403));

    static Auth policy(Accion accion) {
        return new Auth("policy:" + accion.name(), List.of(401, 403));
    }

    boolean anonymous() {
        return this == ANON;
    }
}
