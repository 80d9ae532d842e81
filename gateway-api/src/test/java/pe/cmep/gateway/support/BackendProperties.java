package pe.cmep.gateway.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import pe.cmep.localstack.StandIns;

/** Points a test context at a set of embedded stand-ins. */
public final class StandInProperties {

    public static final String DATABASE = "cmep_test";

    private StandInProperties() {
    }

    public static void register(DynamicPropertyRegistry registry, StandIns standIns, String database) {
        standIns.springProperties(database).forEach((key, value) -> registry.add(key, () -> value));
    }
}
