package pe.cmep.system.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import pe.cmep.system.SharedCluster;
import pe.cmep.system.cluster.Cluster;
import pe.cmep.system.cluster.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile-input sweep (issue 15): every route the running API reports × anonymous and each role, sent
 * malformed JSON, wrong types, huge and out-of-range numbers, unknown enum values, impossible dates, very long and
 * invalid UTF-8 strings, unicode edge cases, SQL and script text, odd path ids and query parameters, wrong content
 * types and multipart garbage. Every request must be answered within {@link ApiCaller#TIMEOUT}, never with a 5xx;
 * a 2xx is fine (odd but valid text is data); a 4xx is in the error envelope of api.md §2.2 and changed no business
 * row. Seeded: {@code -Dcmep.sweep.seed} replays a run, {@code -Dcmep.sweep.count} sizes it.
 */
class HostileInputIT {

    private static final long SEED = Long.getLong("cmep.sweep.seed", System.currentTimeMillis());
    private static final int COUNT = Integer.getInteger("cmep.sweep.count", 1000);
    /** Reactor Netty's limit on the request line (Spring Boot's default {@code max-initial-line-length}). */
    private static final int MAX_REQUEST_LINE = 4096;
    private static final int MAX_REPORTED = 15;
    private static final List<Identity> IDENTITIES = List.of(new Identity("anonymous", null, null),
            new Identity("ADMIN", "admin@cmep.local", "admin123"),
            new Identity("OPERADOR", "operador@cmep.local", "operador123"),
            new Identity("GESTOR", "gestor@cmep.local", "gestor123"),
            new Identity("MEDICO", "medico@cmep.local", "medico123"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> failures = new ArrayList<>();
    private int failureCount;
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final Map<Integer, Integer> unlisted = new TreeMap<>();
    private final Map<String, Integer> failureKinds = new TreeMap<>();

    @Test
    void no_hostile_request_gets_a_5xx_or_a_hang_and_a_refused_one_changes_no_row() {
        Cluster cluster = SharedCluster.get();
        long started = System.nanoTime();
        List<Route> routes = RouteTable.read(cluster.apis().get(0).managementPort());
        OpenApiDoc doc = OpenApiDoc.load();
        KnownIds ids = new KnownIds();
        String reproduce = "seed=" + SEED + " (replay: -Dcmep.sweep.seed=" + SEED + " -Dcmep.sweep.count=" + COUNT
                + ")";
        System.out.println("hostile_sweep " + reproduce + " routes=" + routes.size() + " identities="
                + IDENTITIES.size());

        List<Node> apis = cluster.apis();
        ApiCaller[][] callers = new ApiCaller[apis.size()][IDENTITIES.size()];
        for (int a = 0; a < apis.size(); a++) {
            for (int i = 0; i < IDENTITIES.size(); i++) {
                callers[a][i] = IDENTITIES.get(i).caller(apis.get(a).url());
            }
        }
        // a session of its own: the sweep's ADMIN callers may log themselves out
        OwnEntities own = new OwnEntities(ApiCaller.login(apis.get(0).url(), "setup", "admin@cmep.local", "admin123"),
                ids, SEED);
        own.create();

        HostileGenerator generator = new HostileGenerator(doc, ids);
        int relogins = 0;
        long requestMillis = 0;
        long checksumMillis = 0;
        try (DomainChecksum checksum = new DomainChecksum(cluster.jdbcUrl())) {
            Map<String, Long> baseline = own.settled(checksum);
            for (int n = 0; n < COUNT; n++) {
                Route route = routes.get(n % routes.size());
                int who = (n / routes.size()) % IDENTITIES.size();
                int api = (n / (routes.size() * IDENTITIES.size())) % apis.size();
                ApiCaller caller = callers[api][who];
                Random rnd = new Random(SEED * 1_000_003L + n);
                HostileRequest request = generator.next(route, rnd, host(caller.baseUrl()), caller.session());
                String where = reproduce + " case=" + n + " as " + caller.label() + " on " + apis.get(api).name()
                        + " route " + route + "\n  request: " + request.describe();
                Reply reply;
                try {
                    reply = request.raw() != null ? RawHttp.send(caller.baseUrl(), request.raw())
                            : caller.send(request.method(), request.target(), request.contentType(), request.body());
                } catch (IllegalStateException e) {
                    if (request.raw() == null && request.target().length() > MAX_REQUEST_LINE
                            && e.getMessage().startsWith("connection failed")) {
                        // Netty answers an over-long request line with a 414 and closes the connection with the
                        // rest of the line unread, so the kernel resets it and the client may lose the 414 (no
                        // server lingers for such a line); what must hold is that nothing changed
                        statuses.merge(request.kind() + " reset after an over-long request line", 1, Integer::sum);
                        List<String> changed = DomainChecksum.changed(baseline, checksum.take());
                        if (!changed.isEmpty()) {
                            fail("refused but changed " + changed, where, "reset, yet rows of " + changed
                                    + " changed");
                        }
                        continue;
                    }
                    fail("no answer", where, e.getMessage());
                    continue;
                }
                requestMillis += reply.millis();
                statuses.merge(request.kind() + " " + reply.status(), 1, Integer::sum);
                if (reply.status() >= 400 && reply.status() < 500 && !ErrorEnvelope.listed(reply.status())) {
                    unlisted.merge(reply.status(), 1, Integer::sum);
                }
                long checksumStart = System.nanoTime();
                Map<String, Long> after = checksum.take();
                checksumMillis += (System.nanoTime() - checksumStart) / 1_000_000;
                if (reply.success()) {
                    own.afterSuccess(route, request, reply);
                    baseline = own.settled(checksum);
                    continue;
                }
                if (reply.status() >= 500 || reply.status() < 400) {
                    fail("status " + reply.status(), where, "answered " + reply.status() + ": " + reply.excerpt());
                } else {
                    ErrorEnvelope.problem(reply).ifPresent(p -> fail("no envelope", where, "a " + reply.status()
                            + " not in the error envelope: " + p + "\n  body: " + reply.excerpt()));
                }
                List<String> changed = DomainChecksum.changed(baseline, after);
                if (!changed.isEmpty()) {
                    fail("refused but changed " + changed, where, "refused with " + reply.status()
                            + " but changed rows of " + changed + "; body: "
                            + reply.excerpt());
                }
                baseline = after;
                if (reply.status() == 401 && who > 0 && callers[api][who].get("/auth/me").status() == 401) {
                    // the session ended (a logout among the routes): a new one, and a baseline taken after the
                    // login's own write (users.last_login_at)
                    callers[api][who] = IDENTITIES.get(who).caller(apis.get(api).url());
                    baseline = checksum.take();
                    relogins++;
                }
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.println("hostile_sweep_done " + reproduce + " requests=" + COUNT + " seconds=" + seconds
                + " request_ms=" + requestMillis + " checksum_ms=" + checksumMillis + " relogins=" + relogins
                + " failures=" + failureCount + " " + failureKinds + " statuses_not_in_api_md_2_1=" + unlisted);
        statuses.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        assertTrue(failures.isEmpty(), failureCount + " of " + COUNT + " hostile requests broke the property ("
                + reproduce + "), by kind " + failureKinds + "; the first ones:\n" + String.join("\n\n", failures));
    }

    private void fail(String kind, String where, String what) {
        failureCount++;
        failureKinds.merge(kind, 1, Integer::sum);
        if (failures.size() < MAX_REPORTED) {
            failures.add(what + "\n  at " + where);
        } else if (failures.size() == MAX_REPORTED) {
            failures.add("(more failures not listed)");
        }
    }

    private static String host(String baseUrl) {
        URI uri = URI.create(baseUrl);
        return uri.getHost() + ":" + uri.getPort();
    }

    private record Identity(String label, String email, String password) {
        ApiCaller caller(String baseUrl) {
            return email == null ? ApiCaller.anonymous(baseUrl) : ApiCaller.login(baseUrl, label, email, password);
        }
    }

    static JsonNode data(Reply reply) {
        return JSON.readTree(reply.body()).path("data");
    }
}
