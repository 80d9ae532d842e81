package pe.cmep.gateway.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import pe.cmep.localstack.TestBackends;

/** Points a test context at the test backend of this JVM (embedded stand-ins or LocalStack, cmep.test.backend). */
public final class BackendProperties {

    public static final String DATABASE = "cmep_test";

    private BackendProperties() {
    }

    public static void register(DynamicPropertyRegistry registry, String database) {
        TestBackends.shared().springProperties(database).forEach((key, value) -> registry.add(key, () -> value));
    }
}
