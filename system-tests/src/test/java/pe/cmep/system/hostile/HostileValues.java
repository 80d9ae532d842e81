package pe.cmep.system.hostile;

import java.util.List;
import java.util.Random;

/**
 * Hostile JSON values, as JSON text: huge and out-of-range numbers, wrong types, unknown enum values, impossible
 * dates, very long strings, unicode edge cases (NUL, lone surrogates, RTL override, emoji, combining marks),
 * SQL and script strings.
 */
public final class HostileValues {

    static final List<String> NUMBERS = List.of("1e309", "-1e309", "9223372036854775808", "-9223372036854775809",
            "2147483648", "-2147483649", "-1", "0", "-0", "0.0001", "1.005", "150.123", "1e-400",
            "123456789012345678901234567890.12", "4.9e-324", "99999999999.99");
    static final List<String> STRINGS = List.of("\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"",
            "\"x\\udc00y\"", "\"\\u202eFDP.exe\"", "\"\\ud83d\\ude00\\ud83d\\udc68\\u200d\\ud83d\\udc69\"",
            "\"e\\u0301\\u0301\\u0301\\u0301\"", "\"\\u200b\\ufeff\"", "\"\\uffff\\ufffe\"", "\"' OR 1=1 --\"",
            "\"'; DROP TABLE users; --\"", "\"\\\" OR \\\"\\\"=\\\"\"", "\"<script>alert(1)</script>\"",
            "\"${jndi:ldap://127.0.0.1/a}\"", "\"{{7*7}}\"", "\"../../etc/passwd\"", "\"%00\"", "\"\\\\\"",
            "\"1e309\"", "\"-1\"", "\"0\"", "\"abc\"", "\"NaN\"", "\"Infinity\"", "\"150.123\"", "\"0x10\"",
            "\"XX\"", "\"dni\"", "\"DNI \"", "\"ADMIN,GESTOR\"", "\"null\"", "\"true\"", "\"2026-02-30\"",
            "\"99999-01-01\"", "\"0000-00-00\"", "\"2026-13-01\"", "\"2026-1-1\"", "\"-0001-01-01\"",
            "\"2026-02-28T00:00:00Z\"", "\"29/02/2026\"", "\"\\n\\r\\t\"", "\"مرحبا\"", "\"שלום\"", "\"漢字\"");
    static final List<String> OTHERS = List.of("null", "true", "false", "[]", "{}", "[null]", "[1,2,3]",
            "{\"a\":{\"b\":{\"c\":[]}}}", "[\"ADMIN\",\"ADMIN\"]", "[\"ROOT\"]", "[\"\"]");

    private HostileValues() {
    }

    /** One hostile value as JSON text. */
    public static String any(Random rnd) {
        int pick = rnd.nextInt(100);
        if (pick < 30) {
            return NUMBERS.get(rnd.nextInt(NUMBERS.size()));
        }
        if (pick < 75) {
            return STRINGS.get(rnd.nextInt(STRINGS.size()));
        }
        if (pick < 90) {
            return OTHERS.get(rnd.nextInt(OTHERS.size()));
        }
        return longString(rnd);
    }

    /** 10k to 100k characters: ASCII, multi-byte letters, or astral-plane emoji. */
    public static String longString(Random rnd) {
        int length = 10_000 + rnd.nextInt(90_001);
        String unit = switch (rnd.nextInt(3)) {
            case 0 -> "a";
            case 1 -> "ñ";
            default -> "\uD83D\uDE00";
        };
        return "\"" + unit.repeat(length / unit.length()) + "\"";
    }

    /** Hostile text for a query parameter or a form field (not JSON-quoted). */
    public static String text(Random rnd) {
        String json = any(rnd);
        if (json.startsWith("\"") && !json.contains("\\")) {
            return json.substring(1, json.length() - 1);
        }
        return switch (rnd.nextInt(6)) {
            case 0 -> "' OR 1=1 --";
            case 1 -> "\u0000";
            case 2 -> "\u202e\uD83D\uDE00e\u0301";
            case 3 -> "a".repeat(5000);
            case 4 -> "<script>alert(1)</script>";
            default -> json;
        };
    }
}
