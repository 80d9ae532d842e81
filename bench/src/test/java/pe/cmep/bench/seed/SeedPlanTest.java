package pe.cmep.bench.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeedPlanTest {

    @Test
    void each_age_band_spreads_exactly_a_hundred_percent_over_the_six_states() {
        assertThat(Arrays.stream(SeedPlan.RECENT).sum()).isEqualTo(100);
        assertThat(Arrays.stream(SeedPlan.OLD).sum()).isEqualTo(100);
        assertThat(SeedPlan.RECENT).hasSize(Estado.values().length);
        assertThat(SeedPlan.OLD).hasSize(Estado.values().length);
    }

    @Test
    void old_solicitudes_are_mostly_closed_and_recent_ones_mostly_open() {
        Map<Estado, Integer> old = draw(400);
        Map<Estado, Integer> recent = draw(3);
        assertThat(old.get(Estado.CERRADO) / 100_000.0).isCloseTo(0.62, within(0.01));
        assertThat(recent.get(Estado.REGISTRADO) / 100_000.0).isCloseTo(0.25, within(0.01));
        assertThat(recent.get(Estado.CERRADO)).isLessThan(old.get(Estado.CERRADO));
    }

    private static Map<Estado, Integer> draw(long ageDays) {
        Random random = new Random(1);
        Map<Estado, Integer> counts = new EnumMap<>(Estado.class);
        for (int i = 0; i < 100_000; i++) {
            counts.merge(SeedPlan.estado(ageDays, random), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void codigo_is_the_one_gateway_api_writes() {
        assertThat(Seeder.codigo(java.time.LocalDateTime.of(2025, 3, 1, 10, 0), 7)).isEqualTo("CMEP-2025-0007");
        assertThat(Seeder.codigo(java.time.LocalDateTime.of(2026, 1, 1, 0, 0), 123456)).isEqualTo("CMEP-2026-123456");
    }

    @Test
    void after_seed_sql_is_split_into_statements_without_comments() {
        assertThat(AfterSeed.statements("-- a comment\nINSERT INTO t VALUES (1);\nUPDATE t\n SET a = 2;\n"))
                .containsExactly("INSERT INTO t VALUES (1)", "UPDATE t\n SET a = 2");
        assertThat(AfterSeed.statements("-- nothing to do\n")).isEmpty();
    }
}
