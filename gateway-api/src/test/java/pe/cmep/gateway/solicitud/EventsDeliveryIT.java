package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.cmep.gateway.solicitud.WorkflowClient.ADMIN;
import static pe.cmep.gateway.solicitud.WorkflowClient.GESTOR;
import static pe.cmep.gateway.solicitud.WorkflowClient.MEDICO;
import static pe.cmep.gateway.solicitud.WorkflowClient.OPERADOR;
import static pe.cmep.gateway.solicitud.WorkflowClient.PAGO;
import static pe.cmep.gateway.solicitud.WorkflowClient.ok;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pe.cmep.gateway.support.EventsQueue;
import pe.cmep.localstack.EmbeddedBackendOnly;
import pe.cmep.localstack.StandIns;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The events of the workflow actions reach the solicitud-events queue through the outbox (decisions 9, 10):
 * actions keep answering while SQS is down, and once it is back every event arrives exactly once, in the
 * order of its solicitud's changes, with the solicitud as the message group.
 */
class EventsDeliveryIT extends WorkflowTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @RegisterExtension
    static final EventsQueue queue = new EventsQueue();

    @Test
    void interleaved_actions_on_several_solicitudes_arrive_in_order_per_solicitud() {
        long outboxBefore = count("SELECT COALESCE(MAX(outbox_id), 0) FROM outbox_event");
        List<Integer> ids = runInterleavedWorkflows();

        Map<Integer, List<String>> written = written(ids, outboxBefore);
        assertThat(written.values()).extracting(List::size).containsExactly(7, 5, 5);
        List<Message> received = queue.receive(flatten(written), DEADLINE);

        assertArrivedOnceInOrder(written, received);
    }

    @Test
    @EmbeddedBackendOnly("stops and starts ElasticMQ; LocalStack has no SQS outage to cause")
    void while_sqs_is_down_the_actions_answer_and_their_events_arrive_once_in_order_when_it_is_back() {
        long outboxBefore = count("SELECT COALESCE(MAX(outbox_id), 0) FROM outbox_event");
        List<Integer> ids;
        Map<Integer, List<String>> written;
        StandIns.shared().stopSqs();
        try {
            ids = runInterleavedWorkflows();
            written = written(ids, outboxBefore);
            String eventIds = quoted(flatten(written));
            await("the relay tried and failed", () -> count("SELECT COUNT(*) FROM outbox_event WHERE attempts > 0 "
                    + "AND event_id IN (" + eventIds + ")") > 0);
            assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL AND event_id IN ("
                    + eventIds + ")")).as("nothing published while SQS is down").isEqualTo(flatten(written).size());
            // and the API still answers while the relay fails
            ok(w.action(ADMIN, ids.get(0), "override", "{\"motivo\": \"sin cola\", \"accion\": \"EDITAR_DATOS\", "
                    + "\"payload\": {\"comentario\": \"con la cola caida\"}}"));
            written = written(ids, outboxBefore);
            assertThat(written.values()).extracting(List::size).containsExactly(9, 5, 5);
        } finally {
            StandIns.shared().startSqs();
        }

        List<String> all = flatten(written);
        List<Message> received = queue.receive(all, DEADLINE);
        assertArrivedOnceInOrder(written, received);
        await("every event stamped published", () -> count("SELECT COUNT(*) FROM outbox_event WHERE published_at IS "
                + "NULL AND event_id IN (" + quoted(all) + ")") == 0);
        assertThat(queue.listen(all, Duration.ofSeconds(1))).as("no event is sent twice").isEmpty();
    }

    /** Three solicitudes taken through the whole workflow, one step on each in turn; the last is overridden. */
    private List<Integer> runInterleavedWorkflows() {
        List<Integer> ids = List.of(w.create(), w.create(), w.create());
        ids.forEach(id -> ok(w.action(OPERADOR, id, "asignar-gestor", "{\"persona_id_gestor\": 3}")));
        ids.forEach(id -> ok(w.action(GESTOR, id, "registrar-pago", PAGO)));
        ids.forEach(id -> ok(w.action(GESTOR, id, "asignar-medico", "{\"persona_id_medico\": 4}")));
        ok(w.action(MEDICO, ids.get(0), "cerrar", "{}"));
        ok(w.action(ADMIN, ids.get(1), "cancelar", "{\"comentario\": \"desistio\"}"));
        ok(w.action(OPERADOR, ids.get(2), "cambiar-gestor", "{\"persona_id_gestor\": 3}"));
        ok(w.action(ADMIN, ids.get(0), "override", "{\"motivo\": \"anular\", \"accion\": \"CANCELAR\"}"));
        return ids;
    }

    /** Each solicitud's event ids in outbox order (the order of its changes). */
    private Map<Integer, List<String>> written(List<Integer> ids, long outboxBefore) {
        Map<Integer, List<String>> written = new LinkedHashMap<>();
        for (int id : ids) {
            written.put(id, w.query("SELECT event_id FROM outbox_event WHERE solicitud_id = " + id
                    + " AND outbox_id > " + outboxBefore + " ORDER BY outbox_id", r -> r.get("event_id", String.class)));
        }
        return written;
    }

    private static void assertArrivedOnceInOrder(Map<Integer, List<String>> written, List<Message> received) {
        assertThat(received).extracting(EventsQueue::dedupId).as("every event exactly once")
                .containsExactlyInAnyOrderElementsOf(flatten(written));
        Map<String, List<String>> byGroup = received.stream().collect(Collectors.groupingBy(
                EventsQueue::groupId, LinkedHashMap::new,
                Collectors.mapping(EventsQueue::dedupId, Collectors.toList())));
        written.forEach((id, events) -> assertThat(byGroup.get(Integer.toString(id)))
                .as("events of solicitud %d in the order they were written", id)
                .containsExactlyElementsOf(events));
    }

    private static List<String> flatten(Map<Integer, List<String>> written) {
        List<String> all = new ArrayList<>();
        written.values().forEach(all::addAll);
        return all;
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }

    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }
}
