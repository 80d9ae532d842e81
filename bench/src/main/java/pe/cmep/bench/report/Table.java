package pe.cmep.bench.report;

import java.util.List;
import java.util.Locale;

/** The run as text: the table of points, then lag, memory, cold start, machine; plain or as Markdown. */
public final class Table {

    static final String[] HEADER = {"endpoint", "clients", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors",
            "raw req/s", "api/raw"};

    private Table() {
    }

    public static String points(List<Row> rows, boolean markdown) {
        String[][] cells = new String[rows.size() + 1][];
        cells[0] = HEADER;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            cells[i + 1] = new String[] {r.endpoint(), String.valueOf(r.clients()), rate(r.perSecond()), ms(r.p50()),
                    ms(r.p95()), ms(r.p99()), String.valueOf(r.errors()),
                    r.rawPerSecond() == null ? "" : rate(r.rawPerSecond()),
                    r.apiOverRaw() == null ? "" : String.format(Locale.ROOT, "%.2f", r.apiOverRaw())};
        }
        return grid(cells, markdown);
    }

    /** A table with a header row; numbers right-aligned in plain text. */
    public static String grid(String[][] cells, boolean markdown) {
        int columns = cells[0].length;
        int[] width = new int[columns];
        for (String[] row : cells) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.length; r++) {
            StringBuilder line = new StringBuilder(markdown ? "|" : "");
            for (int c = 0; c < columns; c++) {
                String cell = cells[r][c];
                boolean left = c == 0;
                String padded = left ? pad(cell, width[c], true) : pad(cell, width[c], false);
                line.append(markdown ? " " + padded + " |" : (c == 0 ? "" : "  ") + padded);
            }
            out.append(markdown ? line : line.toString().stripTrailing()).append('\n');
            if (r == 0 && markdown) {
                StringBuilder rule = new StringBuilder("|");
                for (int c = 0; c < columns; c++) {
                    rule.append(c == 0 ? "-" : "").append("-".repeat(width[c] + (c == 0 ? 0 : 1))).append(c == 0 ? "-|" : ":|");
                }
                out.append(rule).append('\n');
            } else if (r == 0) {
                int total = 0;
                for (int w : width) {
                    total += w;
                }
                out.append("-".repeat(total + 2 * (columns - 1))).append('\n');
            }
        }
        return out.toString();
    }

    private static String pad(String s, int width, boolean left) {
        String spaces = " ".repeat(width - s.length());
        return left ? s + spaces : spaces + s;
    }

    static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return "-";
        }
        return perSecond >= 100 ? String.format(Locale.ROOT, "%,.0f", perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    static String ms(double ms) {
        if (Double.isNaN(ms)) {
            return "-";
        }
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : ms >= 10 ? String.format(Locale.ROOT, "%.1f", ms)
                : String.format(Locale.ROOT, "%.2f", ms);
    }
}
