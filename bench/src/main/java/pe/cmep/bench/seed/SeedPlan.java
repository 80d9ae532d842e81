package pe.cmep.bench.seed;

import java.util.Random;

/**
 * How the seeded solicitudes are spread over the states: a recent solicitud is still moving through the workflow,
 * an old one is mostly closed or cancelled, with a backlog left open in every state (which is also what the workflow
 * action points consume, each solicitud once). Percentages per age band, in {@link Estado} order.
 */
public final class SeedPlan {

    /** Solicitudes younger than this are "recent". */
    public static final int RECENT_DAYS = 60;
    static final int[] RECENT = {25, 20, 15, 15, 17, 8};
    static final int[] OLD = {8, 7, 6, 7, 62, 10};

    private SeedPlan() {
    }

    public static Estado estado(long ageDays, Random random) {
        int[] weights = ageDays < RECENT_DAYS ? RECENT : OLD;
        int x = random.nextInt(100);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return Estado.values()[i];
            }
        }
        throw new IllegalStateException("weights do not add up to 100");
    }
}
