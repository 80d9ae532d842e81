package pe.cmep.file;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pe.cmep.localstack.TestBackends;
import pe.cmep.localstack.UsesTestBackend;

/**
 * The file-worker against the test backend of this JVM (cmep.test.backend), on database {@code cmep_test}, which the
 * context migrates with the platform's Flyway migrations (spring-boot-starter-flyway is a test dependency).
 * Every integration test of this module extends it, so they share one application context and with it one
 * consumer of the file-events queue: a second cached context would consume the messages another test sends.
 */
@UsesTestBackend
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@ActiveProfiles("test")
public abstract class FileWorkerIntegrationTest {

    protected static final String DATABASE = "cmep_test";

    @DynamicPropertySource
    static void testBackend(DynamicPropertyRegistry registry) {
        TestBackends.shared().springProperties(DATABASE).forEach((key, value) -> registry.add(key, () -> value));
    }
}
