package pe.cmep.gateway.reportes;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.reporting.ReportRebuild;
import pe.cmep.reporting.ReportRebuildRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports benchmark (docs/reports.md, docs/benchmarks.md). Not a test: surefire never picks it up by
 * itself (the name does not end in Test); run it against a system started with {@code ./cmep up}:
 *
 * <pre>./mvnw -B -q -pl gateway-api -am test -Dtest=ReportesBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * It adds {@code cmep.bench.solicitudes} (default 100,000) solicitudes with assignments and payments straight
 * into the {@code ./cmep up} database (run {@code ./cmep seed reset} afterwards to get rid of them), rebuilds
 * the aggregates, then measures over loopback: GET /admin/reportes latency (p50/p99) and throughput, the same
 * report computed by SQL on the fly over the source tables, and the time from a workflow action's response to
 * the report reflecting it at a sustained action rate. The ports and database name follow the {@code cmep}
 * script's variables (CMEP_PORT, CMEP_DB_PORT, CMEP_DB_NAME, CMEP_WORKFLOW_WORKER_PORT).
 */
class ReportesBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] ESTADOS = {"REGISTRADO", "ASIGNADO_GESTOR", "PAGADO", "ASIGNADO_MEDICO", "CERRADO",
            "CANCELADO"};

    private final String api = "http://127.0.0.1:" + env("CMEP_PORT", "8080");
    private final String worker = "http://127.0.0.1:" + env("CMEP_WORKFLOW_WORKER_PORT", "8082");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private DatabaseClient db;

    @Test
    void reportes() throws Exception {
        ConnectionFactory factory = ConnectionFactories.get("r2dbc:mysql://root@127.0.0.1:" + env("CMEP_DB_PORT", "3307")
                + "/" + env("CMEP_DB_NAME", "cmep_dev"));
        db = DatabaseClient.create(factory);
        int n = Integer.getInteger("cmep.bench.solicitudes", 100_000);

        long t = System.nanoTime();
        seed(n);
        System.out.printf("bench_seed solicitudes=%d seconds=%.1f total_solicitudes=%d total_pagos=%d%n", n,
                seconds(t), count("SELECT COUNT(*) FROM solicitud_cmep"), count("SELECT COUNT(*) FROM pago_solicitud"));
        t = System.nanoTime();
        ReportRebuild.Result rebuilt = new ReportRebuild(new ReportRebuildRepository(db), TransactionalOperator.create(
                new R2dbcTransactionManager(factory)), Clock.systemUTC()).run().block(Duration.ofMinutes(30));
        System.out.printf("bench_rebuild solicitudes=%d pagos=%d seconds=%.1f%n", rebuilt.solicitudes(),
                rebuilt.pagos(), seconds(t));

        String session = login();
        LocalDate hoy = LocalDate.now(ZoneOffset.UTC);
        Map<String, String[]> casos = new java.util.LinkedHashMap<>();
        casos.put("default_30_days", new String[] {"", hoy.minusDays(30).toString(), hoy.toString(), null, "mensual"});
        casos.put("365_days_weekly_cerrado", new String[] {"?desde=" + hoy.minusDays(365) + "&hasta=" + hoy
                + "&agrupacion=semanal&estado=CERRADO", hoy.minusDays(365).toString(), hoy.toString(), "CERRADO",
                "semanal"});
        ReporteSql sql = new ReporteSql(db);
        for (Map.Entry<String, String[]> caso : casos.entrySet()) {
            String[] c = caso.getValue();
            for (int i = 0; i < 20; i++) {
                get(session, c[0]);
            }
            List<Long> agregados = times(200, () -> get(session, c[0]));
            List<Long> alVuelo = times(10, () -> sql.reporte(LocalDate.parse(c[1]), LocalDate.parse(c[2]), c[3], c[4]));
            System.out.printf("bench_report case=%s aggregates_http_p50_ms=%.1f aggregates_http_p99_ms=%.1f "
                            + "sql_on_the_fly_p50_ms=%.1f sql_on_the_fly_p99_ms=%.1f ratio_p50=%.1f%n", caso.getKey(),
                    ms(pct(agregados, 50)), ms(pct(agregados, 99)), ms(pct(alVuelo, 50)), ms(pct(alVuelo, 99)),
                    (double) pct(alVuelo, 50) / pct(agregados, 50));
            System.out.printf("bench_throughput case=%s concurrency=8 requests_per_second=%.1f%n", caso.getKey(),
                    throughput(session, c[0], 8, Duration.ofSeconds(10)));
        }
        lag(session, 10, Duration.ofSeconds(30));
    }

    /**
     * Sustained actions over HTTP: every {@code 1/rate} s a new solicitud is registered or an earlier one gets a
     * gestor; a poller looks for each change in the aggregates. Prints the time from the action's response to it
     * showing in the report tables, and the worker's own occurred_at→commit lag percentiles.
     */
    private void lag(String session, int rate, Duration duracion) throws Exception {
        Map<String, Long> pendientes = new ConcurrentHashMap<>();
        List<Long> lags = Collections.synchronizedList(new ArrayList<>());
        List<Integer> creadas = Collections.synchronizedList(new ArrayList<>());
        AtomicLong fallidas = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Random random = new Random(7);
        long end = System.nanoTime() + duracion.toNanos();
        Thread poller = new Thread(() -> {
            while (System.nanoTime() < end + TimeUnit.SECONDS.toNanos(10) && !Thread.currentThread().isInterrupted()) {
                for (String clave : List.copyOf(pendientes.keySet())) {
                    String[] p = clave.split(":");
                    String where = p[0].equals("c") ? "solicitud_id = " + p[1]
                            : "solicitud_id = " + p[1] + " AND gestor_persona_id = 3";
                    if (count("SELECT COUNT(*) FROM reporte_solicitud WHERE " + where) > 0) {
                        Long desde = pendientes.remove(clave);
                        lags.add(System.nanoTime() - desde);
                    }
                }
                sleep(5);
            }
        });
        poller.start();
        long start = System.nanoTime();
        int acciones = 0;
        while (System.nanoTime() < end) {
            int k = acciones++;
            pool.submit(() -> {
                try {
                    accion(session, k, random, creadas, pendientes);
                } catch (RuntimeException e) {
                    fallidas.incrementAndGet();
                    System.out.println("bench_action_failed reason=" + e.getMessage());
                }
            });
            long due = start + TimeUnit.SECONDS.toNanos(1) * acciones / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        poller.join();
        System.out.printf("bench_lag actions=%d failed=%d rate_per_second=%d seen=%d unseen=%d "
                        + "response_to_report_p50_ms=%.1f response_to_report_p99_ms=%.1f response_to_report_max_ms=%.1f%n",
                acciones, fallidas.get(), rate, lags.size(),
                pendientes.size(), ms(pct(lags, 50)), ms(pct(lags, 99)), ms(pct(lags, 100)));
        for (String phi : List.of("0.5", "0.99")) {
            try {
                JsonNode m = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(worker
                                + "/actuator/metrics/cmep.reports.events.lag.percentile?tag=phi:" + phi)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                System.out.printf("bench_worker_lag phi=%s seconds=%.3f (occurred_at has whole seconds)%n", phi,
                        m.at("/measurements/0/value").doubleValue());
            } catch (RuntimeException e) {
                System.out.println("bench_worker_lag unavailable: " + e.getMessage());
            }
        }
    }

    /** Registers a solicitud, or gives an earlier one a gestor; the change then waits in {@code pendientes}. */
    private void accion(String session, int k, Random random, List<Integer> creadas, Map<String, Long> pendientes) {
        Integer earlier = null;
        synchronized (creadas) {
            if (!creadas.isEmpty() && random.nextBoolean()) {
                earlier = creadas.remove(random.nextInt(creadas.size()));
            }
        }
        if (earlier == null) {
            JsonNode r = post(session, "/solicitudes", "{\"cliente\": {\"tipo_documento\": \"DNI\", "
                    + "\"numero_documento\": \"" + (80_000_000 + k) + "\", \"nombres\": \"Bench\", "
                    + "\"apellidos\": \"Lag\"}, \"servicio_id\": 1}");
            int id = r.get("data").get("solicitud_id").intValue();
            pendientes.put("c:" + id, System.nanoTime());
            creadas.add(id);
        } else {
            post(session, "/solicitudes/" + earlier + "/asignar-gestor", "{\"persona_id_gestor\": 3}");
            pendientes.put("g:" + earlier, System.nanoTime());
        }
    }

    /** Personas/clientes, promotores, solicitudes in every state over two years, their assignments and payments. */
    private void seed(int n) {
        Random random = new Random(42);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        int clientes = Math.max(1, n / 5);
        batches(clientes, i -> "('DNI', '9" + run + "-" + i + "', 'Bench', 'Cliente " + i + "', '" + now + "')",
                "INSERT INTO personas (tipo_documento, numero_documento, nombres, apellidos, created_at) VALUES ");
        List<Long> personas = ids("SELECT persona_id FROM personas WHERE numero_documento LIKE '9" + run
                + "-%' ORDER BY persona_id");
        batches(clientes, i -> "(" + personas.get(i) + ", 'ACTIVO', '" + now + "')",
                "INSERT INTO clientes (persona_id, estado, created_at) VALUES ");
        batches(30, i -> "('EMPRESA', 'Empresa bench " + run + " " + i + "', '" + now + "')",
                "INSERT INTO promotores (tipo_promotor, razon_social, created_at) VALUES ");
        List<Long> promotores = ids("SELECT promotor_id FROM promotores WHERE razon_social LIKE 'Empresa bench " + run
                + " %' ORDER BY promotor_id");
        String[] estados = new String[n];
        batches(n, i -> {
            LocalDateTime creada = now.minusSeconds(random.nextInt(730 * 86_400));
            String estado = ESTADOS[pick(random)];
            estados[i] = estado;
            String atencion = estado.equals("CERRADO") ? "ATENDIDO" : estado.equals("CANCELADO") ? "CANCELADO"
                    : "REGISTRADO";
            boolean pagado = estado.equals("PAGADO") || estado.equals("ASIGNADO_MEDICO") || estado.equals("CERRADO")
                    || (estado.equals("CANCELADO") && random.nextBoolean());
            LocalDateTime actualizada = creada.plusSeconds(random.nextInt(10 * 86_400));
            String promotor = random.nextInt(4) == 0 ? "NULL" : String.valueOf(promotores.get(random.nextInt(30)));
            return "('B" + run + "-" + i + "', " + personas.get(random.nextInt(clientes)) + ", " + promotor + ", '"
                    + atencion + "', '" + (pagado ? "PAGADO" : "PENDIENTE") + "', " + (random.nextBoolean() ? 2 : 1)
                    + ", '" + creada + "', '" + (actualizada.isAfter(now) ? now : actualizada) + "')";
        }, "INSERT INTO solicitud_cmep (codigo, cliente_id, promotor_id, estado_atencion, estado_pago, created_by, "
                + "created_at, updated_at) VALUES ");
        List<Long> solicitudes = ids("SELECT solicitud_id FROM solicitud_cmep WHERE codigo LIKE 'B" + run
                + "-%' ORDER BY solicitud_id");
        Random r2 = new Random(43);
        List<String> gestores = new ArrayList<>();
        List<String> medicos = new ArrayList<>();
        List<String> pagos = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String e = estados[i];
            long id = solicitudes.get(i);
            if (!e.equals("REGISTRADO") && !(e.equals("CANCELADO") && r2.nextBoolean())) {
                gestores.add("(" + id + ", 3, 'GESTOR', 1, '" + now + "')");
            }
            if (e.equals("ASIGNADO_MEDICO") || e.equals("CERRADO")) {
                medicos.add("(" + id + ", 4, 'MEDICO', 1, '" + now + "')");
            }
            if (e.equals("PAGADO") || e.equals("ASIGNADO_MEDICO") || e.equals("CERRADO")) {
                int veces = 1 + (r2.nextInt(5) == 0 ? 1 : 0);
                for (int k = 0; k < veces; k++) {
                    pagos.add("(" + id + ", 'YAPE', '" + now.toLocalDate().minusDays(r2.nextInt(730)) + "', "
                            + (50 + r2.nextInt(400)) + "." + r2.nextInt(10) + "0, '" + (r2.nextInt(4) == 0 ? "USD" : "PEN")
                            + "', 1, '" + now + "', '" + now + "')");
                }
            }
        }
        batches(gestores.size(), gestores::get, "INSERT INTO solicitud_asignacion (solicitud_id, persona_id, rol, "
                + "es_vigente, fecha_asignacion) VALUES ");
        batches(medicos.size(), medicos::get, "INSERT INTO solicitud_asignacion (solicitud_id, persona_id, rol, "
                + "es_vigente, fecha_asignacion) VALUES ");
        batches(pagos.size(), pagos::get, "INSERT INTO pago_solicitud (solicitud_id, canal_pago, fecha_pago, monto, "
                + "moneda, validated_by, validated_at, created_at) VALUES ");
    }

    private static int pick(Random random) {
        int x = random.nextInt(100);
        return x < 20 ? 0 : x < 35 ? 1 : x < 50 ? 2 : x < 65 ? 3 : x < 90 ? 4 : 5;
    }

    private void batches(int n, java.util.function.IntFunction<String> row, String insert) {
        for (int from = 0; from < n; from += 1000) {
            StringBuilder sql = new StringBuilder(insert);
            for (int i = from; i < Math.min(n, from + 1000); i++) {
                sql.append(i == from ? "" : ", ").append(row.apply(i));
            }
            db.sql(sql.toString()).then().block(Duration.ofMinutes(2));
        }
    }

    private double throughput(String session, String query, int concurrency, Duration duracion) throws Exception {
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long end = System.nanoTime() + duracion.toNanos();
        for (int i = 0; i < concurrency; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    get(session, query);
                    done.incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(duracion.toSeconds() + 60, TimeUnit.SECONDS);
        return done.get() / (double) duracion.toSeconds();
    }

    private String login() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + "/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"admin@cmep.local\", \"password\": \"admin123\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(SessionCookies.NAME + "="))
                .findFirst().orElseThrow(() -> new IllegalStateException("login failed: " + r.body()))
                .split(";")[0];
    }

    private JsonNode get(String cookie, String query) {
        return send(HttpRequest.newBuilder(URI.create(api + "/admin/reportes" + query)).header("Cookie", cookie).GET()
                .build());
    }

    private JsonNode post(String cookie, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(api + path)).header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<Long> ids(String sql) {
        return db.sql(sql).map((row, meta) -> ((Number) row.get(0)).longValue()).all().collectList()
                .block(Duration.ofMinutes(1));
    }

    private long count(String sql) {
        return db.sql(sql).map((row, meta) -> ((Number) row.get(0)).longValue()).one().block(Duration.ofMinutes(1));
    }

    private static List<Long> times(int n, Supplier<?> action) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            action.get();
            out.add(System.nanoTime() - t);
        }
        return out;
    }

    private static long pct(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String env(String name, String dflt) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? dflt : value;
    }
}
