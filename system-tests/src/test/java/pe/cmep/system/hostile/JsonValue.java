package pe.cmep.system.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON body under construction: objects by member, everything else as raw JSON text, so a hostile value (a number
 * no parser can hold, a lone surrogate escape) goes on the wire exactly as written.
 */
public sealed interface JsonValue {

    static JsonValue object(Map<String, JsonValue> members) {
        return new Obj(new LinkedHashMap<>(members));
    }

    static JsonValue raw(String json) {
        return new Raw(json);
    }

    String toJson();

    /** The paths (member names) of every leaf, for picking the one to break. */
    default void leaves(List<Object> prefix, List<List<Object>> out) {
        out.add(List.copyOf(prefix));
    }

    /** A copy with the value at {@code path} replaced (or added). */
    default JsonValue with(List<Object> path, JsonValue value) {
        return path.isEmpty() ? value : this;
    }

    /** A copy without the member at {@code path}. */
    default JsonValue without(List<Object> path) {
        return this;
    }

    record Raw(String json) implements JsonValue {
        @Override
        public String toJson() {
            return json;
        }
    }

    record Obj(Map<String, JsonValue> members) implements JsonValue {
        @Override
        public String toJson() {
            StringBuilder out = new StringBuilder("{");
            members.forEach((name, value) -> out.append(out.length() > 1 ? "," : "").append('"').append(name)
                    .append("\":").append(value.toJson()));
            return out.append('}').toString();
        }

        @Override
        public void leaves(List<Object> prefix, List<List<Object>> out) {
            members.forEach((name, value) -> {
                List<Object> path = new ArrayList<>(prefix);
                path.add(name);
                value.leaves(path, out);
            });
        }

        @Override
        public JsonValue with(List<Object> path, JsonValue value) {
            if (path.isEmpty()) {
                return value;
            }
            Map<String, JsonValue> copy = new LinkedHashMap<>(members);
            String name = (String) path.get(0);
            JsonValue child = copy.getOrDefault(name, JsonValue.object(Map.of()));
            copy.put(name, child.with(path.subList(1, path.size()), value));
            return new Obj(copy);
        }

        @Override
        public JsonValue without(List<Object> path) {
            Map<String, JsonValue> copy = new LinkedHashMap<>(members);
            String name = (String) path.get(0);
            if (path.size() == 1) {
                copy.remove(name);
            } else if (copy.containsKey(name)) {
                copy.put(name, copy.get(name).without(path.subList(1, path.size())));
            }
            return new Obj(copy);
        }
    }
}
