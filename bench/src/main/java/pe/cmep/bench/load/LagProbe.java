package pe.cmep.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import pe.cmep.bench.report.BenchReport;
import pe.cmep.bench.seed.Estado;

/**
 * Action → report lag at a fixed action rate: asignar-gestor on fresh REGISTRADO solicitudes, sent on schedule
 * (open loop, whatever the answers' latency), while a JDBC poller looks every 5 ms for each answered action's gestor
 * in {@code reporte_solicitud}; the lag is from the HTTP response to the poll that first sees it.
 */
public final class LagProbe {

    private static final Duration DRAIN = Duration.ofSeconds(30);

    private LagProbe() {
    }

    public static BenchReport.Lag run(String api, String jdbcUrl, Sessions sessions, Pools pools, int gestorPersona,
                                      int rate, Duration duration) throws Exception {
        Map<Integer, Long> answered = new ConcurrentHashMap<>();
        List<Long> lags = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        ThreadLocal<Api> clients = ThreadLocal.withInitial(() -> new Api(api));
        ExecutorService senders = Executors.newFixedThreadPool(32);
        AtomicInteger sending = new AtomicInteger(1);
        Thread poller = new Thread(() -> poll(jdbcUrl, gestorPersona, answered, lags, sending), "bench-lag-poller");
        poller.start();
        int actions = (int) (rate * duration.toMillis() / 1000);
        long start = System.nanoTime();
        for (int k = 0; k < actions; k++) {
            long due = start + TimeUnit.SECONDS.toNanos(1) * k / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int client = k;
            senders.submit(() -> {
                try {
                    int id = pools.take(Estado.REGISTRADO);
                    Api http = clients.get();
                    Api.expect(http.send(http.post("/solicitudes/" + id + "/asignar-gestor", sessions.admin(client),
                            "{\"persona_id_gestor\": " + gestorPersona + "}")), 200);
                    answered.put(id, System.nanoTime());
                } catch (Exception e) {
                    failed.incrementAndGet();
                    firstError.compareAndSet(null, String.valueOf(e.getMessage()));
                } catch (Error e) {
                    failed.incrementAndGet();
                    throw e;
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        sending.set(0);
        poller.join(DRAIN.toMillis() + 10_000);
        List<Long> sorted = new ArrayList<>(lags);
        Collections.sort(sorted);
        return new BenchReport.Lag(rate, duration.toMillis() / 1000.0, actions, failed.get(), sorted.size(),
                answered.size(), pct(sorted, 50), pct(sorted, 99), pct(sorted, 100), firstError.get());
    }

    private static void poll(String jdbcUrl, int gestorPersona, Map<Integer, Long> answered, List<Long> lags,
                             AtomicInteger sending) {
        long drainUntil = Long.MAX_VALUE;
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement s = db.createStatement()) {
            while (true) {
                if (sending.get() == 0 && drainUntil == Long.MAX_VALUE) {
                    drainUntil = System.nanoTime() + DRAIN.toNanos();
                }
                if (sending.get() == 0 && (answered.isEmpty() || System.nanoTime() > drainUntil)) {
                    return;
                }
                if (!answered.isEmpty()) {
                    String ids = answered.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
                    try (ResultSet r = s.executeQuery("SELECT solicitud_id FROM reporte_solicitud WHERE solicitud_id IN ("
                            + ids + ") AND gestor_persona_id = " + gestorPersona)) {
                        long seen = System.nanoTime();
                        while (r.next()) {
                            Long at = answered.remove(r.getInt(1));
                            if (at != null) {
                                lags.add(seen - at);
                            }
                        }
                    }
                }
                Thread.sleep(5);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the lag poller failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
