package pe.cmep.gateway.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method, or every handler of a controller, as ADMIN only: {@link AuthenticationFilter} answers 403
 * {@code Solo ADMIN puede acceder a esta funcion} to any other valid session, before the handler reads its input.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AdminOnly {
}
