package pe.cmep.gateway.config;

import java.util.function.Predicate;
import java.util.stream.Stream;

/** A failure and the failures it wraps, outermost first: what the error mapping and the database rules look through. */
public final class Causes {

    private Causes() {
    }

    public static Stream<Throwable> of(Throwable ex) {
        return Stream.iterate(ex, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }

    public static boolean any(Throwable ex, Predicate<Throwable> test) {
        return of(ex).anyMatch(test);
    }
}
