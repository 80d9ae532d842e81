package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pe.cmep.gateway.solicitud.WorkflowClient.ADMIN;
import static pe.cmep.gateway.solicitud.WorkflowClient.GESTOR;
import static pe.cmep.gateway.solicitud.WorkflowClient.MEDICO;
import static pe.cmep.gateway.solicitud.WorkflowClient.OPERADOR;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.support.ApiIntegrationTest;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The detail of api.md §7.3 costs two statements on one pooled connection, whatever the solicitud holds (decision
 * 41): the application's own ConnectionFactory is wrapped so that every connection taken and every statement
 * created on behalf of one call of {@link SolicitudQueries#detalle} is counted, through whichever repository.
 */
class DetalleRoundTripsIT extends ApiIntegrationTest {

    private static final CurrentUser ADMIN_USER =
            new CurrentUser(1, ADMIN, "ACTIVO", List.of("ADMIN"), List.of(), "Admin Sistema", 1, null);

    @Autowired
    SolicitudQueries queries;

    private WorkflowClient w;

    @TestConfiguration
    static class CountedConnections {
        @Bean
        static BeanPostProcessor countConnections() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof ConnectionFactory factory ? Contador.wrap(factory) : bean;
                }
            };
        }
    }

    @BeforeEach
    void logIn() {
        w = new WorkflowClient(client, db, Map.of(
                ADMIN, login(ADMIN, "admin123"),
                OPERADOR, login(OPERADOR, "operador123"),
                GESTOR, login(GESTOR, "gestor123"),
                MEDICO, login(MEDICO, "medico123")));
    }

    @Test
    void a_detail_with_every_kind_of_child_row_is_two_statements_on_one_connection() {
        int id = w.inState("CERRADO");
        Contador contador = new Contador();

        SolicitudDetail d = queries.detalle(id, ADMIN_USER).contextWrite(Context.of(Contador.class, contador))
                .block(Duration.ofSeconds(10));

        assertThat(d.pagos()).hasSize(1);
        assertThat(d.historial()).hasSizeGreaterThan(3);
        assertThat(d.asignacionesVigentes().values()).doesNotContainNull();
        assertThat(contador.statements.get()).as("statements").isEqualTo(2);
        assertThat(contador.connections.get()).as("connections").isEqualTo(1);
    }

    @Test
    void a_missing_solicitud_is_one_statement() {
        Contador contador = new Contador();

        assertThatThrownBy(() -> queries.detalle(999_999, ADMIN_USER)
                .contextWrite(Context.of(Contador.class, contador)).block(Duration.ofSeconds(10)))
                .isInstanceOf(ApiException.class);

        assertThat(contador.statements.get()).as("statements").isEqualTo(1);
        assertThat(contador.connections.get()).as("connections").isEqualTo(1);
    }

    /**
     * Counts what is done for a subscriber whose context holds it: the connections it takes and the statements
     * created on them. Any other work of the application goes through uncounted.
     */
    static final class Contador {
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger statements = new AtomicInteger();

        static ConnectionFactory wrap(ConnectionFactory target) {
            return (ConnectionFactory) Proxy.newProxyInstance(ConnectionFactory.class.getClassLoader(),
                    new Class<?>[] {ConnectionFactory.class}, (proxy, method, args) -> {
                        if (method.getName().equals("create")) {
                            return Mono.deferContextual(context -> Mono.from(target.create())
                                    .map(connection -> context.<Contador>getOrEmpty(Contador.class)
                                            .map(contador -> contador.count(connection))
                                            .orElse(connection)));
                        }
                        return invoke(target, method, args);
                    });
        }

        private Connection count(Connection target) {
            connections.incrementAndGet();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("createStatement") || method.getName().equals("createBatch")) {
                            statements.incrementAndGet();
                        }
                        return invoke(target, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
