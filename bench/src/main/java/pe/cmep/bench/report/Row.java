package pe.cmep.bench.report;

/**
 * One measured point of the table.
 *
 * @param rawPerSecond the same SQL straight through JDBC at the same concurrency; null where there is none
 * @param note         e.g. that the supply of fresh solicitudes ran out before the end, or the first error
 */
public record Row(String endpoint, int clients, double perSecond, double p50, double p95, double p99, long requests,
                  long errors, Double rawPerSecond, String note) {

    /** api/raw: the API's throughput over the database's own for the same work; null without a raw figure. */
    public Double apiOverRaw() {
        return rawPerSecond == null || rawPerSecond == 0 ? null : perSecond / rawPerSecond;
    }

    public Row withRaw(double raw) {
        return new Row(endpoint, clients, perSecond, p50, p95, p99, requests, errors, raw, note);
    }
}
