package pe.cmep.bench.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import pe.cmep.bench.seed.Estado;

/**
 * The seeded solicitudes by estado_operativo, shuffled: a workflow action takes each one once, in the state the action
 * needs, so no action meets a solicitud another one already moved (no 409s, no 403s); the detail reads any of them.
 */
public final class Pools {

    private final Map<Estado, ConcurrentLinkedQueue<Integer>> byEstado = new EnumMap<>(Estado.class);
    private final int minId;
    private final int maxId;

    private Pools(int minId, int maxId) {
        this.minId = minId;
        this.maxId = maxId;
    }

    public static Pools load(Connection db) throws SQLException {
        Map<Estado, List<Integer>> ids = new EnumMap<>(Estado.class);
        int min = Integer.MAX_VALUE;
        int max = 0;
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT solicitud_id, estado_operativo FROM solicitud_cmep")) {
            while (r.next()) {
                int id = r.getInt(1);
                ids.computeIfAbsent(Estado.valueOf(r.getString(2)), e -> new ArrayList<>()).add(id);
                min = Math.min(min, id);
                max = Math.max(max, id);
            }
        }
        Pools pools = new Pools(min, max);
        Random random = new Random(7);
        for (Estado e : Estado.values()) {
            List<Integer> list = ids.getOrDefault(e, new ArrayList<>());
            Collections.shuffle(list, random);
            pools.byEstado.put(e, new ConcurrentLinkedQueue<>(list));
        }
        return pools;
    }

    /** A solicitud in this state that no action has taken yet. */
    public int take(Estado estado) {
        Integer id = byEstado.get(estado).poll();
        if (id == null) {
            throw new LoadRunner.Exhausted("no seeded solicitud left in " + estado);
        }
        return id;
    }

    public int minId() {
        return minId;
    }

    public int maxId() {
        return maxId;
    }
}
