package pe.cmep.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pe.cmep.gateway.outbox.OutboxRepository.Head;

class OutboxHeadTest {

    @ParameterizedTest(name = "head {0}, first unpublished {1} -> sent now: {2}")
    @CsvSource(nullValues = "none", value = {
            // the head is the solicitud's first unpublished row
            "10, 10, true",
            // earlier rows of the solicitud still unpublished (another relay holds them): wait for it
            "10, 7, false",
            // the head itself was stamped meanwhile, nothing unpublished left: nothing to send
            "10, none, false",
            // a later row is first: cannot be, the head is locked and unpublished; never sent on a guess
            "10, 12, false",
    })
    void a_locked_head_is_sent_only_while_it_is_still_the_first_unpublished_row(long head, Long first,
                                                                                  boolean sent) {
        Map<Integer, Long> firstPending = first == null ? Map.of() : Map.of(5, first);

        List<Integer> confirmed = Head.confirmed(List.of(new Head(5, head)), firstPending);

        assertThat(confirmed).isEqualTo(sent ? List.of(5) : List.of());
    }

    @Test
    void each_solicitud_is_judged_on_its_own_and_the_order_of_the_heads_is_kept() {
        List<Head> heads = List.of(new Head(3, 30), new Head(1, 11), new Head(2, 25));

        List<Integer> confirmed = Head.confirmed(heads, Map.of(1, 11L, 2, 20L, 3, 30L));

        assertThat(confirmed).containsExactly(3, 1);
    }
}
