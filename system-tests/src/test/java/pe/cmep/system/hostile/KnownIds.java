package pe.cmep.system.hostile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids a request may carry as plausible values: by path variable, only entities the test created itself (so no
 * hostile request edits, deletes or logs out what another test relies on); by body field, also the seed's
 * employees and servicios, which a body only references.
 */
public final class KnownIds {

    private final Map<String, List<Long>> byVariable = new HashMap<>();
    private final Map<String, List<Long>> byField = new HashMap<>();

    public void variable(String name, long id) {
        byVariable.computeIfAbsent(name, k -> new ArrayList<>()).add(id);
    }

    public void field(String name, long id) {
        byField.computeIfAbsent(name, k -> new ArrayList<>()).add(id);
    }

    public void forget(String variable, long id) {
        List<Long> ids = byVariable.get(variable);
        if (ids != null) {
            ids.remove(id);
        }
    }

    public List<Long> forVariable(String name) {
        return byVariable.getOrDefault(name, List.of());
    }

    public List<Long> forField(String name) {
        return byField.getOrDefault(name, byVariable.getOrDefault(name, List.of()));
    }
}
