package pe.cmep.system.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the load knows happened to each solicitud: the actions the API acknowledged (2xx) and the ones whose answer
 * never came (the connection died with its API instance, or timed out), which may or may not have committed.
 */
public final class Ledger {

    private final Map<Integer, Cuenta> cuentas = new ConcurrentHashMap<>();

    void creada(int solicitudId) {
        cuentas.computeIfAbsent(solicitudId, id -> new Cuenta());
    }

    void acknowledged(int solicitudId, Accion accion) {
        cuentas.get(solicitudId).add(accion, true);
    }

    void uncertain(int solicitudId, Accion accion) {
        cuentas.get(solicitudId).add(accion, false);
    }

    public Set<Integer> solicitudes() {
        return cuentas.keySet();
    }

    public Cuenta cuenta(int solicitudId) {
        return cuentas.get(solicitudId);
    }

    /** One solicitud's acknowledged and uncertain actions. */
    public static final class Cuenta {
        private final Map<Accion, Integer> acknowledged = new EnumMap<>(Accion.class);
        private final Map<Accion, Integer> uncertain = new EnumMap<>(Accion.class);

        synchronized void add(Accion accion, boolean ack) {
            (ack ? acknowledged : uncertain).merge(accion, 1, Integer::sum);
        }

        public synchronized int acknowledged(Accion accion) {
            return acknowledged.getOrDefault(accion, 0);
        }

        public synchronized int uncertain(Accion accion) {
            return uncertain.getOrDefault(accion, 0);
        }

        /** Historial rows of a campo the acknowledged actions wrote (the creation's row included). */
        public synchronized int campoMin(String campo) {
            return ("solicitud_creada".equals(campo) ? 1 : 0) + sum(acknowledged, a -> count(a.campos(), campo));
        }

        public synchronized int campoMax(String campo) {
            return campoMin(campo) + sum(uncertain, a -> count(a.campos(), campo));
        }

        public synchronized int pagosMin() {
            return sum(acknowledged, Accion::pagos);
        }

        public synchronized int pagosMax() {
            return pagosMin() + sum(uncertain, Accion::pagos);
        }

        public synchronized int archivosMin() {
            return sum(acknowledged, Accion::archivos);
        }

        public synchronized int archivosMax() {
            return archivosMin() + sum(uncertain, Accion::archivos);
        }

        public synchronized boolean deleted() {
            return acknowledged(Accion.ELIMINAR) > 0;
        }

        public synchronized boolean maybeDeleted() {
            return uncertain(Accion.ELIMINAR) > 0;
        }

        private static int sum(Map<Accion, Integer> counts, java.util.function.ToIntFunction<Accion> per) {
            int total = 0;
            for (Map.Entry<Accion, Integer> e : counts.entrySet()) {
                total += per.applyAsInt(e.getKey()) * e.getValue();
            }
            return total;
        }

        private static int count(java.util.List<String> campos, String campo) {
            int n = 0;
            for (String c : campos) {
                if (c.equals(campo)) {
                    n++;
                }
            }
            return n;
        }
    }
}
