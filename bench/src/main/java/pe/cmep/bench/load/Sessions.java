package pe.cmep.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One session per client and account, made before the points start: each client sends its own cookie, as the users of
 * a real deployment do (one shared session would make every request touch the same sessions row).
 */
public final class Sessions {

    public static final String ADMIN = "admin@cmep.local";
    public static final String GESTOR = "gestor@cmep.local";
    private static final String ADMIN_PASSWORD = "admin123";
    private static final String GESTOR_PASSWORD = "gestor123";

    private final List<String> admin;
    private final List<String> gestor;

    private Sessions(List<String> admin, List<String> gestor) {
        this.admin = admin;
        this.gestor = gestor;
    }

    public static Sessions login(String api, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ThreadLocal<Api> http = ThreadLocal.withInitial(() -> new Api(api));
        try {
            List<Future<String>> admin = new ArrayList<>();
            List<Future<String>> gestor = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                admin.add(pool.submit(() -> http.get().login(ADMIN, ADMIN_PASSWORD)));
                gestor.add(pool.submit(() -> http.get().login(GESTOR, GESTOR_PASSWORD)));
            }
            List<String> a = new ArrayList<>();
            List<String> g = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                a.add(admin.get(i).get());
                g.add(gestor.get(i).get());
            }
            return new Sessions(a, g);
        } finally {
            pool.shutdown();
        }
    }

    public String admin(int client) {
        return admin.get(client % admin.size());
    }

    public String gestor(int client) {
        return gestor.get(client % gestor.size());
    }
}
