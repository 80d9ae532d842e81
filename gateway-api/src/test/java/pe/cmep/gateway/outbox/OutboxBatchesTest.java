package pe.cmep.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import pe.cmep.gateway.outbox.OutboxBatches.Batch;
import pe.cmep.gateway.outbox.OutboxRepository.PendingEvent;

class OutboxBatchesTest {

    private final AtomicLong nextId = new AtomicLong();

    @Test
    void the_rows_of_one_solicitud_go_in_one_call_in_id_order_and_calls_hold_whole_groups() {
        PendingEvent a1 = row(1, Outbox.SOLICITUD_EVENTS);
        PendingEvent b1 = row(2, Outbox.SOLICITUD_EVENTS);
        PendingEvent a2 = row(1, Outbox.SOLICITUD_EVENTS);
        PendingEvent c1 = row(3, Outbox.SOLICITUD_EVENTS);
        PendingEvent a3 = row(1, Outbox.SOLICITUD_EVENTS);
        PendingEvent b2 = row(2, Outbox.SOLICITUD_EVENTS);

        List<Batch> batches = OutboxBatches.plan(List.of(a1, b1, a2, c1, a3, b2), 4);

        // a (3 rows) and b (2 rows) do not fit together in 4: b and c share the second call
        assertThat(batches).containsExactly(
                new Batch(Outbox.SOLICITUD_EVENTS, List.of(a1, a2, a3)),
                new Batch(Outbox.SOLICITUD_EVENTS, List.of(b1, b2, c1)));
    }

    @Test
    void a_solicitud_sends_at_most_one_call_of_rows_per_poll_and_the_rest_waits() {
        List<PendingEvent> rows = List.of(row(1, Outbox.SOLICITUD_EVENTS), row(1, Outbox.SOLICITUD_EVENTS),
                row(1, Outbox.SOLICITUD_EVENTS), row(2, Outbox.SOLICITUD_EVENTS));

        List<Batch> batches = OutboxBatches.plan(rows, 2);

        assertThat(batches).containsExactly(
                new Batch(Outbox.SOLICITUD_EVENTS, List.of(rows.get(0), rows.get(1))),
                new Batch(Outbox.SOLICITUD_EVENTS, List.of(rows.get(3))));
    }

    @Test
    void each_queue_gets_its_own_calls_and_keeps_the_solicitud_order_within_it() {
        PendingEvent deleted = row(5, Outbox.SOLICITUD_EVENTS);
        PendingEvent file1 = row(5, Outbox.FILE_EVENTS);
        PendingEvent file2 = row(5, Outbox.FILE_EVENTS);
        PendingEvent other = row(6, Outbox.SOLICITUD_EVENTS);

        List<Batch> batches = OutboxBatches.plan(List.of(deleted, file1, file2, other), 10);

        assertThat(batches).containsExactly(
                new Batch(Outbox.SOLICITUD_EVENTS, List.of(deleted, other)),
                new Batch(Outbox.FILE_EVENTS, List.of(file1, file2)));
    }

    private PendingEvent row(int solicitudId, String queueRole) {
        long id = nextId.incrementAndGet();
        return new PendingEvent(id, "event-" + id, "solicitud.edited", 1, queueRole, solicitudId, "{}", 0);
    }
}
