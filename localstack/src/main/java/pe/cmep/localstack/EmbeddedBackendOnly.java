package pe.cmep.localstack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that runs on the embedded backend only, e.g. because it stops and starts a stand-in
 * ({@link StandIns#stopSqs()} and the like), which LocalStack and MySQL in containers offer no control for. On
 * another backend it is skipped with {@link #value()} as the reason.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TestBackendCondition.class)
public @interface EmbeddedBackendOnly {

    /** Why the test needs the embedded stand-ins. */
    String value();
}
