package pe.cmep.gateway.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An optional request field that may be omitted but not sent as null (api.md §7.4: the PATCH's names "may not be
 * null or blank"); every other optional field may be omitted or null (api.md §1).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.RECORD_COMPONENT})
@interface NeverNull {
}
