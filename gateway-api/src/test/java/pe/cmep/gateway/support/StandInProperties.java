package pe.cmep.gateway.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import pe.cmep.localstack.StandIns;

/** Points a test context at a set of embedded stand-ins. */
public final class StandInProperties {

    public static final String DATABASE = "cmep_test";

    private StandInProperties() {
    }

    public static void register(DynamicPropertyRegistry registry, StandIns standIns, String database) {
        registry.add("spring.r2dbc.url", () -> standIns.r2dbcUrl(database).replaceFirst("//root@", "//"));
        registry.add("spring.r2dbc.username", () -> "root");
        registry.add("spring.flyway.url", () -> standIns.jdbcUrl(database));
        registry.add("spring.flyway.user", () -> "root");
        registry.add("spring.cloud.aws.sqs.endpoint", standIns::sqsEndpoint);
        registry.add("spring.cloud.aws.s3.endpoint", standIns::s3Endpoint);
    }
}
