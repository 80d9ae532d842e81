package pe.cmep.system.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import tools.jackson.databind.JsonNode;

/**
 * The mixed load: admin clients spread over the API instances act on a set of solicitudes, each choosing an action
 * the solicitud's last known {@code acciones_permitidas} allow, a share of them on a few "hot" solicitudes so that
 * same-solicitud races happen. Every answer is recorded in the {@link Ledger}. A refusal is legitimate only when
 * another request on the same solicitud was in flight at the same time (a race); anything else is a violation.
 */
public final class MixedLoad {

    /**
     * @param solicitudes how many solicitudes the load creates and acts on
     * @param clients     concurrent clients (threads), spread over the API instances
     * @param hot         how many solicitudes are "hot"
     * @param hotShare    share of the actions aimed at a hot solicitud
     * @param ratePerSecond actions per second over all clients, 0 for as fast as the clients go
     * @param seed        the random choices; printed with every failure so a run can be repeated
     */
    public record Settings(int solicitudes, int clients, int hot, double hotShare, double ratePerSecond, long seed) {
    }

    private static final String ADMIN = "admin@cmep.local";
    private static final String ADMIN_PASSWORD = "admin123";

    private final List<String> apis;
    private final Settings settings;
    private final Ledger ledger = new Ledger();
    private final List<Tracked> tracked = new ArrayList<>();
    private final List<ApiClient> clients = new ArrayList<>();
    private final List<Integer> gestores;
    private final List<Integer> medicos;
    private final List<Integer> promotores;
    private final List<Integer> servicios;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AccionRequests requests;

    private MixedLoad(List<String> apis, Settings settings, List<Integer> gestores, List<Integer> medicos,
                      List<Integer> promotores, List<Integer> servicios) {
        this.apis = List.copyOf(apis);
        this.settings = settings;
        this.gestores = gestores;
        this.medicos = medicos;
        this.promotores = promotores;
        this.servicios = servicios;
        this.requests = new AccionRequests(gestores, medicos, run);
    }

    /** Reads the employees, promotores and services and creates the solicitudes, through every API instance. */
    public static MixedLoad prepare(List<String> apis, Settings settings) throws Exception {
        ApiClient admin = new ApiClient(apis, 0);
        admin.login(ADMIN, ADMIN_PASSWORD);
        MixedLoad load = new MixedLoad(apis, settings, ids(admin.get("/empleados?rol=GESTOR"), "persona_id"),
                ids(admin.get("/empleados?rol=MEDICO"), "persona_id"), ids(admin.get("/promotores"), "promotor_id"),
                ids(admin.get("/servicios"), "servicio_id"));
        if (load.gestores.isEmpty() || load.medicos.isEmpty()) {
            throw new IllegalStateException("the load needs an active GESTOR and MEDICO employee (dev seed)");
        }
        load.create();
        load.logIn();
        return load;
    }

    /** One session per client, made before any run: logging in (bcrypt) is not what a run measures. */
    private void logIn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ApiClient>> made = new ArrayList<>();
            for (int c = 0; c < settings.clients(); c++) {
                int index = c;
                made.add(pool.submit(() -> {
                    ApiClient client = new ApiClient(apis, index);
                    client.login(ADMIN, ADMIN_PASSWORD);
                    return client;
                }));
            }
            for (Future<ApiClient> f : made) {
                clients.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    private void create() throws Exception {
        int threads = Math.min(8, settings.clients());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Tracked>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                parts.add(pool.submit(() -> {
                    ApiClient client = new ApiClient(apis, thread);
                    client.login(ADMIN, ADMIN_PASSWORD);
                    Random random = new Random(settings.seed() * 31 + thread);
                    List<Tracked> made = new ArrayList<>();
                    for (int k = thread; k < settings.solicitudes(); k += threads) {
                        made.add(createOne(client, random, k));
                    }
                    return made;
                }));
            }
            for (Future<List<Tracked>> part : parts) {
                tracked.addAll(part.get());
            }
        } finally {
            pool.shutdown();
        }
        tracked.sort((a, b) -> Integer.compare(a.id, b.id));
        Collections.shuffle(tracked, new Random(settings.seed()));
    }

    private Tracked createOne(ApiClient client, Random random, int k) {
        Map<String, Object> cliente = new HashMap<>();
        cliente.put("tipo_documento", "DNI");
        cliente.put("numero_documento", String.format("%08d", random.nextInt(100_000_000)));
        cliente.put("nombres", "Carga " + run);
        cliente.put("apellidos", "Cliente " + k);
        Map<String, Object> body = new HashMap<>();
        body.put("cliente", cliente);
        if (!promotores.isEmpty() && random.nextBoolean()) {
            body.put("promotor_id", promotores.get(random.nextInt(promotores.size())));
        }
        if (!servicios.isEmpty()) {
            body.put("servicio_id", servicios.get(random.nextInt(servicios.size())));
        }
        ApiClient.Answer created = client.post("/solicitudes", body);
        if (created.status() != 200) {
            throw new IllegalStateException("POST /solicitudes answered " + created.status() + ": " + created.body()
                    + created.error());
        }
        int id = created.body().path("data").path("solicitud_id").asInt();
        ledger.creada(id);
        return new Tracked(id);
    }

    public Ledger ledger() {
        return ledger;
    }

    /** The estado_operativo the load last saw for each solicitud whose state it knows for sure. */
    public Map<Integer, String> knownEstados() {
        Map<Integer, String> known = new TreeMap<>();
        for (Tracked t : tracked) {
            synchronized (t) {
                if (!t.stale && t.view != null && !t.deleted) {
                    known.put(t.id, t.view.path("estado_operativo").asString());
                }
            }
        }
        return known;
    }

    /** Runs the clients for the given time and returns what they saw. */
    public LoadResult run(Duration duration) throws InterruptedException {
        return run(duration, Long.MAX_VALUE);
    }

    /**
     * Runs the clients until the API has acknowledged {@code acknowledgedTarget} actions or {@code atMost} has
     * passed, whichever comes first: a test asks for an amount of work, which a slower machine takes longer to do.
     */
    public LoadResult run(Duration atMost, long acknowledgedTarget) throws InterruptedException {
        Duration duration = atMost;
        ConcurrentHistogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(2), 3);
        Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        AtomicLong actions = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong races = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(settings.clients());
        AtomicLong ticket = new AtomicLong();
        for (int c = 0; c < settings.clients(); c++) {
            int clientIndex = c;
            pool.submit(() -> {
                ApiClient client = clients.get(clientIndex);
                Random random = new Random(settings.seed() * 7919 + clientIndex + start);
                while (System.nanoTime() < end && acknowledged.get() < acknowledgedTarget
                        && !Thread.currentThread().isInterrupted()) {
                    if (settings.ratePerSecond() > 0) {
                        long due = start + (long) (ticket.getAndIncrement() * 1e9 / settings.ratePerSecond());
                        long wait = due - System.nanoTime();
                        if (due > end) {
                            break;
                        }
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    Outcome o;
                    try {
                        o = step(client, random);
                    } catch (RuntimeException e) {
                        // a defect of the load itself: reported, and the client goes on
                        o = new Outcome(-1, 0, false, "the load's client failed: " + e);
                    }
                    if (o == null) {
                        continue;
                    }
                    actions.incrementAndGet();
                    if (o.status / 100 == 2) {
                        acknowledged.incrementAndGet();
                    }
                    latency.recordValue(Math.min(o.micros, latency.getHighestTrackableValue()));
                    byStatus.computeIfAbsent(o.status, s -> new AtomicLong()).incrementAndGet();
                    if (o.race) {
                        races.incrementAndGet();
                        if (o.status == 409) {
                            conflicts.incrementAndGet();
                        }
                    }
                    if (o.violation != null && violations.size() < 200) {
                        violations.add(o.violation);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(duration.toMillis() + 120_000, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            violations.add("clients still busy 2 minutes after the end of the run");
        }
        Map<Integer, Long> statuses = new TreeMap<>();
        byStatus.forEach((k, v) -> statuses.put(k, v.get()));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new LoadResult(actions.get(), statuses, races.get(), conflicts.get(), List.copyOf(violations),
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0, seconds);
    }

    private record Outcome(int status, long micros, boolean race, String violation) {
    }

    private Outcome step(ApiClient client, Random random) {
        Tracked t = pick(random);
        if (t == null) {
            return null;
        }
        long myTicket;
        boolean overlapped;
        JsonNode view;
        synchronized (t) {
            if (t.deleted) {
                return null;
            }
            myTicket = ++t.started;
            overlapped = t.inFlight > 0;
            t.inFlight++;
            view = t.stale ? null : t.view;
        }
        long t0 = System.nanoTime();
        ApiClient.Answer answer;
        Accion accion = null;
        try {
            if (view == null) {
                ApiClient.Answer fresh = client.get("/solicitudes/" + t.id);
                if (fresh.status() != 200) {
                    return finish(t, myTicket, overlapped, null, fresh, t0, "GET /solicitudes/" + t.id);
                }
                view = fresh.body().path("data");
            }
            accion = Eleccion.elegir(view, random.nextDouble());
            answer = requests.send(client, t.id, accion, random);
        } catch (RuntimeException e) {
            answer = new ApiClient.Answer(0, null, e.toString());
        }
        return finish(t, myTicket, overlapped, accion, answer, t0, null);
    }

    private Outcome finish(Tracked t, long myTicket, boolean overlappedAtStart, Accion accion, ApiClient.Answer a,
                           long t0, String readFailure) {
        long micros = (System.nanoTime() - t0) / 1000;
        boolean overlapped;
        synchronized (t) {
            t.inFlight--;
            overlapped = overlappedAtStart || t.started != myTicket;
            if (a.ok() && accion != null) {
                ledger.acknowledged(t.id, accion);
                if (accion == Accion.ELIMINAR) {
                    t.deleted = true;
                } else if (!overlapped && a.body() != null && a.body().path("data").has("estado_operativo")) {
                    t.view = a.body().path("data");
                    t.stale = false;
                } else {
                    t.stale = true;
                }
            } else if (a.status() == 404 && ledger.cuenta(t.id).maybeDeleted()) {
                // a DELETE whose answer was lost did commit
                t.deleted = true;
                return new Outcome(a.status(), micros, false, null);
            } else {
                if (a.lost() && accion != null) {
                    ledger.uncertain(t.id, accion);
                }
                t.stale = true;
            }
        }
        String what = accion == null ? String.valueOf(readFailure) : accion + " on solicitud " + t.id;
        if (a.status() >= 500) {
            return new Outcome(a.status(), micros, false, what + " answered " + a.status() + ": " + a.body());
        }
        if (a.status() >= 400 || (readFailure != null && !a.ok() && !a.lost())) {
            if (overlapped) {
                return new Outcome(a.status(), micros, true, null);
            }
            return new Outcome(a.status(), micros, false, what + " answered " + a.status()
                    + " with no other request on that solicitud in flight: " + a.body());
        }
        return new Outcome(a.status(), micros, false, null);
    }

    /** A solicitud not deleted yet: a hot one for the hot share of the picks while any is left. */
    private Tracked pick(Random random) {
        boolean hot = random.nextDouble() < settings.hotShare();
        for (int attempt = 0; attempt < 20 && !tracked.isEmpty(); attempt++) {
            int bound = hot && attempt < 10 ? Math.min(settings.hot(), tracked.size()) : tracked.size();
            Tracked t = tracked.get(random.nextInt(bound));
            synchronized (t) {
                if (!t.deleted) {
                    return t;
                }
            }
        }
        return null;
    }

    private static List<Integer> ids(ApiClient.Answer answer, String field) {
        if (answer.status() != 200) {
            throw new IllegalStateException("reading " + field + "s answered " + answer.status() + ": "
                    + answer.body());
        }
        List<Integer> ids = new ArrayList<>();
        answer.body().path("data").forEach(n -> ids.add(n.path(field).asInt()));
        return ids;
    }

    /** The load's knowledge of one solicitud; guarded by its own monitor. */
    private static final class Tracked {
        final int id;
        long started;
        int inFlight;
        JsonNode view;
        boolean stale = true;
        boolean deleted;

        Tracked(int id) {
            this.id = id;
        }
    }
}
