package pe.cmep.platform.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one database setting ({@code DB_URL}) turned into what each client needs:
 * a JDBC URL for Flyway and an R2DBC URL for the services.
 *
 * <p>Accepted forms: {@code mysql://user:pass@host:3306/db?k=v},
 * {@code jdbc:mysql://...}, {@code jdbc:mariadb://...} and {@code r2dbc:mysql://...};
 * credentials may come from the URL or from {@code DB_USER}/{@code DB_PASS}.
 */
public record DatabaseUrl(String host, int port, String database, String user, String password,
                          Map<String, String> parameters) {

    private static final int DEFAULT_PORT = 3306;

    public DatabaseUrl {
        parameters = Map.copyOf(parameters);
    }

    public static DatabaseUrl parse(String url, String userOverride, String passwordOverride) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("DB_URL is empty");
        }
        String trimmed = url.trim();
        String withoutPrefix = stripScheme(trimmed);
        URI uri;
        try {
            uri = new URI("mysql://" + withoutPrefix);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DB_URL is not a valid URL: " + e.getMessage());
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DB_URL has no host: expected mysql://user:pass@host:3306/database");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (path.isEmpty() || path.contains("/")) {
            throw new IllegalArgumentException("DB_URL must name exactly one database: mysql://host:3306/<database>");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        if (userOverride != null && !userOverride.isBlank()) {
            user = userOverride;
        }
        if (passwordOverride != null && !passwordOverride.isEmpty()) {
            password = passwordOverride;
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        return new DatabaseUrl(uri.getHost(), port, path, user == null ? "root" : user, password,
                parseQuery(uri.getRawQuery()));
    }

    public String jdbcUrl() {
        StringBuilder sb = new StringBuilder("jdbc:mariadb://").append(host).append(':').append(port)
                .append('/').append(database);
        Map<String, String> jdbcParams = new LinkedHashMap<>(parameters);
        // MySQL 8's default auth plugin (caching_sha2_password) needs the server key without TLS.
        jdbcParams.putIfAbsent("allowPublicKeyRetrieval", "true");
        appendQuery(sb, jdbcParams);
        return sb.toString();
    }

    /** R2DBC URL without credentials: they are given separately so no secret lands in a URL that may be logged. */
    public String r2dbcUrl() {
        StringBuilder sb = new StringBuilder("r2dbc:mysql://").append(host).append(':').append(port)
                .append('/').append(database);
        Map<String, String> r2dbcParams = new LinkedHashMap<>(parameters);
        r2dbcParams.remove("allowPublicKeyRetrieval");
        appendQuery(sb, r2dbcParams);
        return sb.toString();
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + host + ":" + port + "/" + database + " user=" + user + "]";
    }

    private static String stripScheme(String url) {
        for (String prefix : new String[] {"jdbc:mysql://", "jdbc:mariadb://", "r2dbc:mysql://", "r2dbc:mariadb://",
                "mysql://", "mariadb://"}) {
            if (url.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return url.substring(prefix.length());
            }
        }
        throw new IllegalArgumentException(
                "DB_URL must start with mysql://, jdbc:mysql://, jdbc:mariadb:// or r2dbc:mysql://");
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            params.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        return params;
    }

    private static void appendQuery(StringBuilder sb, Map<String, String> params) {
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = '&';
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
