package pe.cmep.bench.load;

import java.util.List;
import pe.cmep.bench.raw.RawEndpoint;

/**
 * One line of the table per concurrency: what a client sends, and the same work straight on the database when the
 * endpoint has a raw counterpart.
 */
public record Point(String endpoint, List<Integer> clients, LoadRunner.Client client, RawEndpoint raw) {
}
