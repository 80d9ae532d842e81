package pe.cmep.localstack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against {@link TestBackends#shared()}: it is skipped, not failed, where the chosen
 * backend cannot run (LocalStack without Docker). Put on an integration test base class, it covers its subclasses.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TestBackendCondition.class)
public @interface UsesTestBackend {
}
