package pe.cmep.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudEventCodec;
import pe.cmep.gateway.support.ApiIntegrationTest;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class OutboxIT extends ApiIntegrationTest {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionalOperator transaction;

    @Test
    void an_event_appended_in_a_rolled_back_transaction_leaves_no_row() {
        SolicitudEvent event = TestEvents.edit(TestEvents.newSolicitudId(), 1);

        StepVerifier.create(outbox.append(event)
                        .then(Mono.error(new IllegalStateException("the state change failed")))
                        .as(transaction::transactional))
                .expectErrorMessage("the state change failed")
                .verify(Duration.ofSeconds(10));

        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE event_id = '" + event.eventId() + "'")).isZero();
    }

    @Test
    void an_event_appended_in_a_committed_transaction_leaves_exactly_one_row_with_the_codec_json() {
        SolicitudEvent event = TestEvents.edit(TestEvents.newSolicitudId(), 1);

        outbox.append(event).as(transaction::transactional).block(Duration.ofSeconds(10));

        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE event_id = '" + event.eventId() + "'")).isOne();
        OutboxRow row = db.sql("SELECT event_type, event_version, solicitud_id, payload, occurred_at "
                        + "FROM outbox_event WHERE event_id = :id")
                .bind("id", event.eventId().toString())
                .map((r, meta) -> new OutboxRow(r.get("event_type", String.class), r.get("event_version", Integer.class),
                        r.get("solicitud_id", Integer.class), r.get("payload", String.class),
                        r.get("occurred_at", LocalDateTime.class)))
                .one()
                .block();
        assertThat(row.eventType()).isEqualTo("solicitud.edited");
        assertThat(row.eventVersion()).isEqualTo(1);
        assertThat(row.solicitudId()).isEqualTo(event.solicitudId());
        assertThat(new SolicitudEventCodec().fromJson(row.payload())).isEqualTo(event);
        assertThat(row.occurredAt().toInstant(ZoneOffset.UTC)).isEqualTo(event.occurredAt());
    }

    private record OutboxRow(String eventType, int eventVersion, int solicitudId, String payload,
                             LocalDateTime occurredAt) {
    }
}
