package pe.cmep.system.load;

import java.util.List;
import java.util.Map;

/**
 * One run of the mixed load.
 *
 * @param actions      requests sent (reads of a stale solicitud not counted)
 * @param byStatus     answers by status code (0: the answer was lost)
 * @param races        refusals (4xx) of a request that overlapped another request on the same solicitud
 * @param conflicts    the 409s among them
 * @param violations   what must not happen: a 5xx, a refusal with no concurrent request on the solicitud, each
 *                     with the solicitud and the answer (a lost answer is counted in byStatus as 0: whether it is
 *                     allowed depends on whether a node was killed)
 * @param p50Millis    latency of all requests
 * @param p99Millis    latency of all requests
 * @param seconds      how long the run lasted
 */
public record LoadResult(long actions, Map<Integer, Long> byStatus, long races, long conflicts, List<String> violations,
                         double p50Millis, double p99Millis, double seconds) {

    public long lost() {
        return byStatus.getOrDefault(0, 0L);
    }

    public long acknowledged() {
        return byStatus.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToLong(Map.Entry::getValue).sum();
    }

    public double throughput() {
        return seconds == 0 ? 0 : actions / seconds;
    }

    public String summary() {
        return String.format("%d actions in %.1f s (%.1f/s), %d acknowledged, statuses %s, %d same-solicitud race "
                        + "refusals (%d of them 409), %d lost answers, p50 %.1f ms, p99 %.1f ms, %d violations",
                actions, seconds, throughput(), acknowledged(), byStatus, races, conflicts, lost(), p50Millis,
                p99Millis, violations.size());
    }
}
