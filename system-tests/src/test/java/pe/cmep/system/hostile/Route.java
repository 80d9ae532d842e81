package pe.cmep.system.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One endpoint of the API: an HTTP method and a path pattern with {@code {name}} variables. */
public record Route(String method, String pattern) implements Comparable<Route> {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    public List<String> variables() {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The path with each variable replaced by its (already encoded) value. */
    public String expand(Map<String, String> values) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + m.group(1) + "} of " + this);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public boolean hasBody() {
        return method.equals("POST") || method.equals("PATCH") || method.equals("PUT");
    }

    @Override
    public int compareTo(Route o) {
        int byPath = pattern.compareTo(o.pattern);
        return byPath != 0 ? byPath : method.compareTo(o.method);
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
