package pe.cmep.platform.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Production runs MySQL 8 and the tests here run MariaDB 10.11, so SQL that only MariaDB accepts would pass every
 * test and fail in production. This guard reads the main code and the migrations of every module that talks to
 * the database and fails on the MariaDB-only syntax listed below. (The localstack module is the MariaDB stand-in
 * itself and is not production code.)
 */
class PortableSqlTest {

    /** What MySQL 8.0 rejects or means differently, each with the reason shown on failure. */
    private static final List<Rule> MARIADB_ONLY = List.of(
            rule("\\bRETURNING\\b", "INSERT/DELETE ... RETURNING"),
            rule("CREATE\\s+SEQUENCE|NEXTVAL\\s*\\(|LASTVAL\\s*\\(|SETVAL\\s*\\(|NEXT\\s+VALUE\\s+FOR|PREVIOUS\\s+VALUE\\s+FOR",
                    "sequences"),
            rule("\\bseq_\\d+_to_\\d+", "the Sequence engine's seq_* tables"),
            rule("ADD\\s+(COLUMN\\s+)?IF\\s+NOT\\s+EXISTS|(DROP|MODIFY|CHANGE)\\s+(COLUMN\\s+)?IF\\s+EXISTS",
                    "IF [NOT] EXISTS on columns"),
            rule("(CREATE|DROP)\\s+(UNIQUE\\s+)?INDEX\\s+IF\\s+(NOT\\s+)?EXISTS|(ADD|DROP)\\s+(INDEX|KEY|CONSTRAINT|FOREIGN\\s+KEY)\\s+IF\\s+(NOT\\s+)?EXISTS",
                    "IF [NOT] EXISTS on indexes and constraints"),
            rule("CREATE\\s+OR\\s+REPLACE\\s+(TABLE|INDEX|DATABASE|SCHEMA|USER|ROLE|FUNCTION|PROCEDURE|TRIGGER|EVENT)",
                    "CREATE OR REPLACE other than a view"),
            rule("\\b(JSON_DETAILED|JSON_LOOSE|JSON_COMPACT|JSON_EXISTS|JSON_QUERY|JSON_EQUALS|JSON_NORMALIZE"
                    + "|JSON_ARRAY_INTERSECT|JSON_OBJECT_FILTER_KEYS|JSON_OBJECT_TO_ARRAY|COLUMN_CREATE|COLUMN_GET"
                    + "|COLUMN_ADD|COLUMN_JSON|ADD_MONTHS|TO_CHAR|SFORMAT|NATURAL_SORT_KEY|DECODE_HISTOGRAM|KDF"
                    + "|CHR|NVL2|NVL|MEDIAN|SYS_GUID)\\s*\\(", "a MariaDB-only function"),
            rule("FOR\\s+UPDATE\\s+WAIT\\s+\\d|LOCK\\s+IN\\s+SHARE\\s+MODE\\s+WAIT\\s+\\d", "lock WAIT n"),
            rule("SET\\s+STATEMENT\\b", "SET STATEMENT ... FOR"),
            rule("\\bROWS\\s+EXAMINED\\b", "LIMIT ROWS EXAMINED"),
            rule("WITH\\s+SYSTEM\\s+VERSIONING|FOR\\s+SYSTEM_TIME", "system-versioned tables"),
            rule("ENGINE\\s*=\\s*(Aria|ColumnStore|Sequence|Spider|CONNECT|S3)\\b", "a MariaDB-only engine"),
            rule("\\b(INET4|INET6|UUID)\\s+(NOT\\s+NULL|NULL|DEFAULT|PRIMARY|,|\\))", "a MariaDB-only column type"),
            rule("\\bPAGE_COMPRESSED\\b", "InnoDB page compression options"));

    private static final List<String> MODULES = List.of("platform", "reporting", "gateway-api", "workflow-worker",
            "file-worker");

    @Test
    void main_code_and_migrations_use_no_mariadb_only_sql() {
        List<Path> files = sources();
        assertThat(files).as("the guard reads the migrations and the main code")
                .anySatisfy(f -> assertThat(f.toString()).endsWith("V1__schema.sql"))
                .hasSizeGreaterThan(100);

        List<String> findings = new ArrayList<>();
        for (Path file : files) {
            String[] lines = read(file).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                for (Rule rule : MARIADB_ONLY) {
                    if (rule.pattern().matcher(lines[i]).find()) {
                        findings.add(file + ":" + (i + 1) + " " + rule.reason() + ": " + lines[i].strip());
                    }
                }
            }
        }
        assertThat(findings).as("MariaDB-only SQL would pass the tests here and fail on MySQL 8").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "INSERT INTO personas (nombres) VALUES (:n) RETURNING persona_id",
            "DELETE FROM sessions WHERE expires_at < NOW() RETURNING session_id",
            "SELECT NEXTVAL(solicitud_seq)",
            "CREATE SEQUENCE solicitud_seq START WITH 1",
            "SELECT seq FROM seq_1_to_52",
            "ALTER TABLE solicitudes ADD COLUMN IF NOT EXISTS nota TEXT",
            "CREATE INDEX IF NOT EXISTS ix_x ON solicitudes (estado)",
            "ALTER TABLE solicitudes DROP INDEX IF EXISTS ix_x",
            "CREATE OR REPLACE TABLE t (id INT)",
            "SELECT JSON_DETAILED(payload) FROM outbox_event",
            "SELECT ADD_MONTHS(creado_en, 1) FROM solicitudes",
            "SELECT * FROM solicitudes WHERE solicitud_id = 1 FOR UPDATE WAIT 5",
            "CREATE TABLE t (id INT) ENGINE=Aria",
            "CREATE TABLE t (id UUID NOT NULL)",
    })
    void each_rule_catches_what_it_names(String sql) {
        assertThat(MARIADB_ONLY).anySatisfy(rule -> assertThat(rule.pattern().matcher(sql).find()).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SELECT * FROM solicitudes WHERE solicitud_id = :id FOR UPDATE NOWAIT",
            "SELECT o.outbox_id FROM outbox_event o ORDER BY o.outbox_id LIMIT 10 FOR UPDATE SKIP LOCKED",
            "CREATE TABLE IF NOT EXISTS t (id INT)",
            "INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = VALUES(a)",
            "SELECT JSON_EXTRACT(payload, '$.type'), UUID() FROM outbox_event",
            "Mono<Integer> insertReturningId(String sql)",
            "image/heic-sequence",
            "CREATE OR REPLACE VIEW v AS SELECT 1",
    })
    void portable_sql_passes(String sql) {
        assertThat(MARIADB_ONLY).noneSatisfy(rule -> assertThat(rule.pattern().matcher(sql).find()).isTrue());
    }

    private static List<Path> sources() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        for (String module : MODULES) {
            Path main = root.resolve(module).resolve("src/main");
            try (Stream<Path> walk = Files.walk(main)) {
                walk.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Rule rule(String regex, String reason) {
        return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), reason);
    }

    private record Rule(Pattern pattern, String reason) {
    }
}
