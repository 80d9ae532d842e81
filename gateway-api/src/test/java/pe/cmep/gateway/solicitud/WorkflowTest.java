package pe.cmep.gateway.solicitud;

import static pe.cmep.gateway.solicitud.WorkflowClient.ADMIN;
import static pe.cmep.gateway.solicitud.WorkflowClient.GESTOR;
import static pe.cmep.gateway.solicitud.WorkflowClient.MEDICO;
import static pe.cmep.gateway.solicitud.WorkflowClient.OPERADOR;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import pe.cmep.gateway.support.ApiIntegrationTest;

/**
 * Workflow tests act through a {@link WorkflowClient} logged in as the four active seed users.
 * The sessions are opened once per test class (after its seed reset): every login costs a bcrypt check.
 */
abstract class WorkflowTest extends ApiIntegrationTest {

    private static final Map<Class<?>, Map<String, String>> SESSIONS = new ConcurrentHashMap<>();

    protected WorkflowClient w;

    @BeforeEach
    void logInTheSeedUsers() {
        Map<String, String> sessions = SESSIONS.computeIfAbsent(getClass(), type -> Map.of(
                ADMIN, login(ADMIN, "admin123"),
                OPERADOR, login(OPERADOR, "operador123"),
                GESTOR, login(GESTOR, "gestor123"),
                MEDICO, login(MEDICO, "medico123")));
        w = new WorkflowClient(client, db, sessions);
    }
}
