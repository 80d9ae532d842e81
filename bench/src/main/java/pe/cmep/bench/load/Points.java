package pe.cmep.bench.load;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import pe.cmep.bench.BenchConfig;
import pe.cmep.bench.raw.RawDetail;
import pe.cmep.bench.raw.RawEndpoint;
import pe.cmep.bench.raw.RawList;
import pe.cmep.bench.raw.RawReport;
import pe.cmep.bench.seed.Estado;

/**
 * The points of a run, in the order they run: the reads at every read concurrency, then the workflow actions (each
 * on seeded solicitudes in the state it needs, each solicitud once) and the 1 MiB upload and download.
 */
public final class Points {

    /** A surname of the seed: the search matches about one cliente in fifteen. */
    static final String SEARCH = "Quispe";
    private static final int FILE_BYTES = 1024 * 1024;

    private final BenchConfig config;
    private final Api[] apis;
    private final Sessions sessions;
    private final Pools pools;
    private final int gestorPersona;
    private final int medicoPersona;
    private final List<Integer> uploaded = new CopyOnWriteArrayList<>();

    /**
     * @param apis          one client per concurrent thread, kept for the whole run (one connection each)
     * @param gestorPersona the GESTOR whose persona the actions assign (and mine=true lists: gestor@cmep.local)
     */
    public Points(BenchConfig config, Api[] apis, Sessions sessions, Pools pools, int gestorPersona, int medicoPersona) {
        this.config = config;
        this.apis = apis;
        this.sessions = sessions;
        this.pools = pools;
        this.gestorPersona = gestorPersona;
        this.medicoPersona = medicoPersona;
    }

    public List<Point> all() {
        List<Integer> reads = config.readClients();
        List<Integer> writes = config.writeClients();
        LocalDate hoy = LocalDate.now(ZoneOffset.UTC);
        int deepPage = Math.max(2, (pools.maxId() - pools.minId() + 1) / 20 / 2);
        String year = "?desde=" + hoy.minusDays(365) + "&hasta=" + hoy + "&agrupacion=semanal";
        List<Point> points = new ArrayList<>();
        points.add(new Point("POST /auth/login", reads, t -> () -> apis[t].login(Sessions.ADMIN, "admin123"), null));
        points.add(new Point("GET /health", reads, t -> () -> ok(apis[t], apis[t].get("/health", null)), null));
        points.add(get("GET /auth/me", reads, "/auth/me", false, null));
        points.add(get("list page 1", reads, "/solicitudes?page=1&page_size=20", false,
                new RawList(1, null, null, null)));
        points.add(get("list page " + deepPage, reads, "/solicitudes?page=" + deepPage + "&page_size=20", false,
                new RawList(deepPage, null, null, null)));
        points.add(get("list q=" + SEARCH, reads, "/solicitudes?q=" + SEARCH, false,
                new RawList(1, SEARCH, null, null)));
        points.add(get("list estado=REGISTRADO", reads, "/solicitudes?estado_operativo=REGISTRADO", false,
                new RawList(1, null, "REGISTRADO", null)));
        points.add(get("list mine (gestor)", reads, "/solicitudes?mine=true", true,
                new RawList(1, null, null, gestorPersona)));
        points.add(new Point("detail", reads, t -> () -> ok(apis[t], apis[t].get("/solicitudes/"
                + ThreadLocalRandom.current().nextInt(pools.minId(), pools.maxId() + 1), sessions.admin(t))),
                new RawDetail(pools.minId(), pools.maxId())));
        points.add(get("reportes (30 days)", reads, "/admin/reportes", false,
                new RawReport(hoy.minusDays(30), hoy, false)));
        points.add(get("reportes (1 year weekly)", reads, "/admin/reportes" + year, false,
                new RawReport(hoy.minusDays(365), hoy, true)));

        points.add(action("asignar-gestor", writes, Estado.REGISTRADO, "asignar-gestor",
                "{\"persona_id_gestor\": " + gestorPersona + "}"));
        points.add(action("registrar-pago", writes, Estado.ASIGNADO_GESTOR, "registrar-pago",
                "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"" + hoy + "\", \"monto\": 200.00, \"moneda\": \"PEN\"}"));
        points.add(action("asignar-medico", writes, Estado.PAGADO, "asignar-medico",
                "{\"persona_id_medico\": " + medicoPersona + "}"));
        points.add(action("cerrar", writes, Estado.ASIGNADO_MEDICO, "cerrar", "{\"comentario\": \"Atendido\"}"));
        points.add(action("cancelar", writes, Estado.REGISTRADO, "cancelar", "{\"comentario\": \"Cliente desiste\"}"));

        Multipart pdf = Multipart.pdf(FILE_BYTES, "DOCUMENTO");
        points.add(new Point("upload 1 MiB", writes, t -> () -> {
            int id = ThreadLocalRandom.current().nextInt(pools.minId(), pools.maxId() + 1);
            HttpResponse<String> r = apis[t].send(apis[t].multipart("/solicitudes/" + id + "/archivos",
                    sessions.admin(t), pdf));
            Api.expect(r, 200);
            uploaded.add(Api.json(r).at("/data/archivo_id").intValue());
        }, null));
        points.add(new Point("download 1 MiB", writes, t -> () -> {
            if (uploaded.isEmpty()) {
                throw new IllegalStateException("no file was uploaded to download");
            }
            int id = uploaded.get(ThreadLocalRandom.current().nextInt(uploaded.size()));
            HttpResponse<byte[]> r = apis[t].sendBytes(apis[t].get("/archivos/" + id, sessions.admin(t)));
            Api.expect(r, 200);
            if (r.body().length != FILE_BYTES) {
                throw new IllegalStateException("download of archivo " + id + " gave " + r.body().length + " bytes");
            }
        }, null));
        return points;
    }

    private Point get(String endpoint, List<Integer> clients, String path, boolean asGestor, RawEndpoint raw) {
        return new Point(endpoint, clients, t -> {
            String cookie = asGestor ? sessions.gestor(t) : sessions.admin(t);
            return () -> ok(apis[t], apis[t].get(path, cookie));
        }, raw);
    }

    private Point action(String endpoint, List<Integer> clients, Estado from, String action, String body) {
        return new Point(endpoint, clients, t -> () -> ok(apis[t], apis[t].post("/solicitudes/" + pools.take(from) + "/"
                + action, sessions.admin(t), body)), null);
    }

    private static void ok(Api api, java.net.http.HttpRequest request) throws Exception {
        Api.expect(api.send(request), 200);
    }
}
