package pe.cmep.gateway.db;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Parameter binding for {@code DatabaseClient}, which needs a type to bind a null. */
public final class Binds {

    private Binds() {
    }

    public static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    /** A nullable text parameter. */
    public static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, Object value) {
        return nullable(spec, name, value, String.class);
    }

    /** Binds every entry; a null binds as a NULL text, which MySQL converts for any column type. */
    public static GenericExecuteSpec all(GenericExecuteSpec spec, Map<String, ?> values) {
        for (Map.Entry<String, ?> e : values.entrySet()) {
            spec = nullable(spec, e.getKey(), e.getValue());
        }
        return spec;
    }

    /** {@code values("a", 1, "b", null)}: an ordered map that, unlike {@code Map.of}, takes nulls. */
    public static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }
}
