package pe.cmep.gateway.contract;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** A success response: the envelope of api.md §1 around its data, or the raw bytes of a download. */
record Reply(String mediaType, Function<RecordSchemas, Schema<?>> schema) {

    static final String JSON = "application/json";

    /** {@code {"ok": true}} */
    static final Reply OK_ONLY = new Reply(JSON, schemas -> envelope(Map.of()));

    /** The file's bytes with its stored content type (api.md §7.6). */
    static final Reply BYTES = new Reply("application/octet-stream",
            schemas -> new StringSchema().format("binary"));

    /** {@code {"ok": true, "data": <record>}} */
    static Reply data(Class<?> record) {
        return new Reply(JSON, schemas -> envelope(Map.of("data", schemas.ref(record))));
    }

    /** {@code {"ok": true, "data": [<record>, ...]}} */
    static Reply list(Class<?> record) {
        return new Reply(JSON, schemas -> envelope(Map.of("data", new ArraySchema().items(schemas.ref(record)))));
    }

    /** {@code {"ok": true, <fields>}}, the envelope with other members than data. */
    static Reply of(Function<RecordSchemas, Map<String, Schema<?>>> fields) {
        return new Reply(JSON, schemas -> envelope(fields.apply(schemas)));
    }

    static Schema<?> envelope(Map<String, Schema<?>> fields) {
        Map<String, Schema<?>> members = new LinkedHashMap<>();
        members.put("ok", new BooleanSchema()._enum(List.of(true)));
        members.putAll(fields);
        return object(members);
    }

    /** An object whose every member is required, listed in name order so the document is the same at every run. */
    static ObjectSchema object(Map<String, Schema<?>> members) {
        ObjectSchema object = new ObjectSchema();
        new TreeMap<>(members).forEach((name, member) -> {
            object.addProperty(name, member);
            object.addRequiredItem(name);
        });
        return object;
    }
}
