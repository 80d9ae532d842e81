package pe.cmep.system.hostile;

import java.nio.charset.StandardCharsets;

/**
 * One generated request: sent through HttpClient, or, when {@code raw} is set, as these exact bytes over a socket
 * (bytes HttpClient refuses to send: invalid UTF-8 in the request line or a header, unencoded {@code %}).
 */
public record HostileRequest(String kind, String method, String target, String contentType, byte[] body,
                             byte[] raw) {

    public static HostileRequest http(String kind, String method, String target, String contentType, byte[] body) {
        return new HostileRequest(kind, method, target, contentType, body, null);
    }

    public static HostileRequest raw(String kind, String method, String target, byte[] raw) {
        return new HostileRequest(kind, method, target, null, null, raw);
    }

    /** For a failure message: the request as far as it can be read. */
    public String describe() {
        String shown = raw != null ? new String(raw, StandardCharsets.ISO_8859_1)
                : (contentType == null ? "" : "Content-Type: " + contentType + "\n")
                + (body == null ? "(no body)" : new String(body, StandardCharsets.UTF_8));
        if (shown.length() > 400) {
            shown = shown.substring(0, 400) + "…(" + shown.length() + " chars)";
        }
        return "[" + kind + "] " + method + " " + (target.length() > 200 ? target.substring(0, 200) + "…" : target)
                + "\n" + shown;
    }
}
