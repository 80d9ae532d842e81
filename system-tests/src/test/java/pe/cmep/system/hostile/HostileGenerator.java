package pe.cmep.system.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * Turns a route and a random source into one hostile request. Bodies start from the route's schema in
 * docs/openapi.json filled with plausible values (ids from {@link KnownIds}, so a request reaches the deep checks),
 * and then one thing is broken; a route the document does not describe gets bodies from every body field name the
 * document knows. Nothing here names a route, so a new endpoint is swept as it is.
 */
public final class HostileGenerator {

    private static final List<String> ODD_IDS = List.of("0", "-1", "2147483648", "9223372036854775808",
            "99999999999999999999", "abc", "%00", "..", "..%2F..%2Fadmin", "1e3", "1.5", "%20", "0x1F", "+1",
            "%F0%9F%98%80", "1%3B%20DROP%20TABLE%20users", "null", "999999999");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=ISO-8859-1",
            "application/octet-stream", "%%%", "application/json; boundary=x", "text/html; charset=utf-8",
            "application/vnd.api+json", "image/png");
    private static final List<String> MALFORMED = List.of("{", "}", "{\"a\":", "{\"a\" 1}", "{'a':1}",
            "{\"a\":1,}", "[", "[]", "null", "\"text\"", "123", "true", "{\"a\":NaN}", "{\"a\":Infinity}",
            "{\"a\":01}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "\uFEFF{}", "{}{}", "{\"a\":1}garbage",
            "{\"a\":\"unterminated}", "<xml/>", "a=1&b=2", "{\"__proto__\":{\"admin\":true}}");

    private final OpenApiDoc doc;
    private final KnownIds ids;
    private final List<String> fieldNames;

    public HostileGenerator(OpenApiDoc doc, KnownIds ids) {
        this.doc = doc;
        this.ids = ids;
        this.fieldNames = doc.bodyFieldNames();
    }

    public HostileRequest next(Route route, Random rnd, String host, String session) {
        boolean multipart = doc.multipartBody(route).isPresent();
        int pick = rnd.nextInt(100);
        if (multipart && pick < 60) {
            return MultipartGarbage.request(route, path(route, rnd, false), rnd, ids);
        }
        if (pick < 6) {
            return rawBytes(route, rnd, host, session);
        }
        if (pick < 20 && !route.variables().isEmpty()) {
            return HostileRequest.http("odd path id", route.method(), path(route, rnd, true), "application/json",
                    route.hasBody() ? json(plausible(route, rnd)) : null);
        }
        if (pick < 34) {
            return HostileRequest.http("odd query", route.method(), path(route, rnd, false) + oddQuery(route, rnd),
                    route.hasBody() ? "application/json" : null, route.hasBody() ? json(plausible(route, rnd)) : null);
        }
        if (pick < 46) {
            String body = MALFORMED.get(rnd.nextInt(MALFORMED.size()));
            if (rnd.nextInt(8) == 0) {
                body = "[".repeat(5000 + rnd.nextInt(20000));
            } else if (rnd.nextInt(8) == 0) {
                body = "";
            }
            return HostileRequest.http("malformed JSON", route.method(), path(route, rnd, false),
                    "application/json", body.getBytes(StandardCharsets.UTF_8));
        }
        if (pick < 54) {
            return HostileRequest.http("wrong content type", route.method(), path(route, rnd, false),
                    rnd.nextInt(5) == 0 ? null : CONTENT_TYPES.get(rnd.nextInt(CONTENT_TYPES.size())),
                    json(plausible(route, rnd)));
        }
        if (pick < 58) {
            return HostileRequest.http("invalid UTF-8 body", route.method(), path(route, rnd, false),
                    "application/json; charset=utf-8", invalidUtf8Body(rnd));
        }
        if (pick < 68) {
            return HostileRequest.http("random fields", route.method(), path(route, rnd, false), "application/json",
                    json(randomObject(rnd, 0)));
        }
        return HostileRequest.http("one hostile field", route.method(), path(route, rnd, false), "application/json",
                json(oneHostileField(route, rnd)));
    }

    /** The route with plausible ids (the test's own entities), or with odd values when asked. */
    String path(Route route, Random rnd, boolean odd) {
        Map<String, String> values = new HashMap<>();
        for (String variable : route.variables()) {
            List<Long> known = ids.forVariable(variable);
            values.put(variable, odd || known.isEmpty() ? ODD_IDS.get(rnd.nextInt(ODD_IDS.size()))
                    : String.valueOf(known.get(rnd.nextInt(known.size()))));
        }
        return route.expand(values);
    }

    private String oddQuery(Route route, Random rnd) {
        List<String> names = new ArrayList<>();
        doc.queryParameters(route).forEach(p -> names.add(p.path("name").asString()));
        names.addAll(List.of("page", "page_size", "sort", "order", "q", "estado_operativo", "mine", "rol"));
        StringBuilder query = new StringBuilder("?");
        int count = 1 + rnd.nextInt(4);
        for (int i = 0; i < count; i++) {
            String name = names.get(rnd.nextInt(names.size()));
            String value = switch (rnd.nextInt(8)) {
                case 0 -> "-1";
                case 1 -> "1000000000";
                case 2 -> "99999999999999999999";
                case 3 -> "";
                case 4 -> "unknown_column DESC";
                default -> HostileValues.text(rnd);
            };
            if (value.length() > 1000 && rnd.nextInt(10) != 0) {
                // mostly under the server's request-line limit, so the parameter reaches the handler's checks
                value = value.substring(0, 1000);
            }
            query.append(i > 0 ? "&" : "").append(encode(name)).append('=').append(encode(value));
            if (rnd.nextInt(4) == 0) {
                query.append('&').append(encode(name)).append('=').append(encode(HostileValues.text(rnd)));
            }
        }
        if (rnd.nextInt(6) == 0) {
            query.append("&&=&novalue&%00=1");
        }
        return query.toString();
    }

    /** A body the schema would accept, with plausible values; {@code {}} when the route has no JSON body. */
    JsonValue plausible(Route route, Random rnd) {
        return doc.jsonBody(route).map(schema -> build(schema, "", rnd)).orElse(JsonValue.object(Map.of()));
    }

    private JsonValue oneHostileField(Route route, Random rnd) {
        JsonValue body = plausible(route, rnd);
        List<List<Object>> leaves = new ArrayList<>();
        body.leaves(new ArrayList<>(), leaves);
        if (leaves.isEmpty() || rnd.nextInt(6) == 0) {
            String field = fieldNames.get(rnd.nextInt(fieldNames.size()));
            return body.with(List.of(field), JsonValue.raw(HostileValues.any(rnd)));
        }
        List<Object> where = leaves.get(rnd.nextInt(leaves.size()));
        return rnd.nextInt(8) == 0 ? body.without(where) : body.with(where, JsonValue.raw(HostileValues.any(rnd)));
    }

    private JsonValue randomObject(Random rnd, int depth) {
        Map<String, JsonValue> members = new java.util.LinkedHashMap<>();
        int count = 1 + rnd.nextInt(6);
        for (int i = 0; i < count; i++) {
            String name = fieldNames.get(rnd.nextInt(fieldNames.size()));
            members.put(name, depth < 2 && rnd.nextInt(5) == 0 ? randomObject(rnd, depth + 1)
                    : JsonValue.raw(HostileValues.any(rnd)));
        }
        return JsonValue.object(members);
    }

    private JsonValue build(JsonNode schema, String name, Random rnd) {
        JsonNode s = doc.resolve(schema);
        if (s.has("anyOf")) {
            s = doc.resolve(s.get("anyOf").get(0));
        }
        if (s.has("enum")) {
            JsonNode values = s.get("enum");
            return JsonValue.raw(values.get(rnd.nextInt(values.size())).toString());
        }
        String type = s.path("type").asString("object");
        return switch (type) {
            case "object" -> {
                Map<String, JsonValue> members = new java.util.LinkedHashMap<>();
                List<String> required = new ArrayList<>();
                s.path("required").forEach(r -> required.add(r.asString()));
                for (var property : s.path("properties").properties()) {
                    if (required.contains(property.getKey()) || rnd.nextInt(10) < 6) {
                        members.put(property.getKey(), build(property.getValue(), property.getKey(), rnd));
                    }
                }
                yield JsonValue.object(members);
            }
            case "array" -> JsonValue.raw("[" + build(s.path("items"), name, rnd).toJson() + "]");
            case "integer" -> {
                List<Long> known = ids.forField(name);
                yield JsonValue.raw(String.valueOf(known.isEmpty() ? 1 + rnd.nextInt(5)
                        : known.get(rnd.nextInt(known.size()))));
            }
            case "number" -> JsonValue.raw("150.50");
            case "boolean" -> JsonValue.raw(String.valueOf(rnd.nextBoolean()));
            default -> JsonValue.raw("\"" + plausibleText(s, name, rnd) + "\"");
        };
    }

    private static String plausibleText(JsonNode schema, String name, Random rnd) {
        if ("date".equals(schema.path("format").asString(""))) {
            return "2026-01-" + (10 + rnd.nextInt(18));
        }
        if (name.contains("password")) {
            return "sweep-pass-" + rnd.nextInt(1000);
        }
        if (name.contains("email")) {
            return "sweep" + Long.toHexString(rnd.nextLong()) + "@sweep.test";
        }
        if (name.contains("documento") || name.equals("ruc")) {
            return "SW" + Long.toHexString(rnd.nextLong() & 0xffffffffffL);
        }
        return "sweep " + Long.toHexString(rnd.nextLong() & 0xffffff);
    }

    private HostileRequest rawBytes(Route route, Random rnd, String host, String session) {
        String path = path(route, rnd, false);
        byte[][] oddPaths = {
                bytes(path + "/\u00ff\u00fe"), bytes(path + "?q=\u00c3\u0028"), bytes(path + "/%"),
                bytes(path + "?q=%zz&page=%"), bytes(path + "/\u00c0\u00af"), bytes("/solicitudes/../admin/usuarios"),
                bytes(path + "?q=\u00ed\u00a0\u0080"), bytes(path)};
        byte[] target = oddPaths[rnd.nextInt(oddPaths.length)];
        byte[] line = concat(bytes(route.method() + " "), target, bytes(" HTTP/1.1"));
        List<byte[]> headers = new ArrayList<>();
        String cookie = session == null ? "" : "cmep_session=" + session;
        switch (rnd.nextInt(4)) {
            case 0 -> headers.add(bytes("Cookie: cmep_session=\u00ff\u00fe\u0000" + (session == null ? "" : session)));
            case 1 -> headers.add(bytes("Content-Type: application/json; charset=\u00ff\u00fe"));
            case 2 -> headers.add(bytes("X-Note: \u00c3\u0028\u00e2\u0082"));
            default -> { }
        }
        if (!cookie.isEmpty()) {
            headers.add(bytes("Cookie: " + cookie));
        }
        headers.add(bytes("Content-Type: application/json"));
        byte[] body = route.hasBody() ? (rnd.nextBoolean() ? invalidUtf8Body(rnd) : json(plausible(route, rnd)))
                : null;
        return HostileRequest.raw("raw bytes", route.method(), new String(target, StandardCharsets.ISO_8859_1),
                RawHttp.request(line, host, headers, body));
    }

    private static byte[] invalidUtf8Body(Random rnd) {
        byte[][] bad = {{(byte) 0xff, (byte) 0xfe}, {(byte) 0xc3, 0x28}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                {(byte) 0x80}};
        byte[] pick = bad[rnd.nextInt(bad.length)];
        return concat(bytes("{\"comentario\":\"a"), pick, bytes("\",\"nombres\":\""), pick, bytes("\"}"));
    }

    private static byte[] json(JsonValue value) {
        return value.toJson().getBytes(StandardCharsets.UTF_8);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
