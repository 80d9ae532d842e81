package pe.cmep.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    private static final List<Row> ROWS = List.of(
            new Row("GET /health", 16, 3520.4, 3.2, 7.85, 12.5, 35204, 0, null, null),
            new Row("detail", 64, 250.25, 210.0, 400.4, 512.9, 2502, 3, 1001.0, "first error: 500"));

    @Test
    void plain_text_aligns_the_columns_and_prints_api_over_raw() {
        String text = Table.points(ROWS, false);
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("endpoint").contains("req/s").contains("api/raw");
        assertThat(lines[2]).startsWith("GET /health").contains("3,520").contains("3.20").contains("12.5");
        assertThat(lines[3]).contains("250").contains("210").contains("513").contains("1,001").endsWith("0.25");
        assertThat(lines[2].indexOf("16")).isEqualTo(lines[3].indexOf("64"));
    }

    @Test
    void markdown_has_a_header_rule_with_the_numbers_right_aligned() {
        String[] lines = Table.points(ROWS, true).split("\n");
        assertThat(lines[0]).startsWith("| endpoint");
        assertThat(lines[1]).matches("\\|-+\\|(-+:\\|)+");
        assertThat(lines[1].length()).isEqualTo(lines[0].length());
        assertThat(lines[3]).startsWith("| detail").endsWith("    0.25 |");
    }

    @Test
    void a_point_without_answers_prints_dashes() {
        assertThat(Table.ms(Double.NaN)).isEqualTo("-");
        assertThat(Table.rate(Double.NaN)).isEqualTo("-");
    }
}
