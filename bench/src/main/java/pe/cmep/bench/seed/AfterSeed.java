package pe.cmep.bench.seed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The hook for tables derived from the seeded rows that no rebuild command maintains (e.g. list counters):
 * the statements of {@code after-seed.sql} (bench/src/main/resources), separated by {@code ;} at line ends, run once
 * after the seed. Lines starting with {@code --} are comments.
 */
public final class AfterSeed {

    static final String RESOURCE = "/after-seed.sql";

    private AfterSeed() {
    }

    /** @return the number of statements run */
    public static int run(Connection db) throws IOException, SQLException {
        String sql;
        try (InputStream in = AfterSeed.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return 0;
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int n = 0;
        try (Statement s = db.createStatement()) {
            for (String statement : statements(sql)) {
                s.execute(statement);
                n++;
            }
        }
        return n;
    }

    static java.util.List<String> statements(String sql) {
        StringBuilder noComments = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                noComments.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(noComments.toString().split(";\\s*\n"))
                .map(String::strip)
                .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
