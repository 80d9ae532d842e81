package pe.cmep.system.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What the API answered: status, headers (lower-case names), body bytes, and how long it took. */
public record Reply(int status, Map<String, List<String>> headers, byte[] body, long millis) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body for a failure message, cut short. */
    public String excerpt() {
        String text = text();
        return text.length() > 600 ? text.substring(0, 600) + "…(" + text.length() + " chars)" : text;
    }

    public boolean success() {
        return status / 100 == 2;
    }
}
