package pe.cmep.gateway.solicitud;

import static pe.cmep.gateway.solicitud.Rows.integer;
import static pe.cmep.gateway.solicitud.Rows.str;

import io.r2dbc.spi.Row;
import pe.cmep.gateway.catalogo.PromotorSummary;

/** The promotor of a solicitud as the detail and the list show it: the columns both read, and their mapper. */
final class PromotorColumnas {

    static final String COLUMNAS = """
            pr.promotor_id AS pr_id, pr.tipo_promotor AS pr_tipo, pr.razon_social AS pr_razon,
            pr.nombre_promotor_otros AS pr_otros, pr.ruc AS pr_ruc, pr.email AS pr_email,
            pr.celular_1 AS pr_celular, pr.fuente_promotor AS pr_fuente, pp.nombres AS pp_nombres,
            pp.apellidos AS pp_apellidos""";
    static final String JOINS = """
             LEFT JOIN promotores pr ON pr.promotor_id = s.promotor_id
             LEFT JOIN personas pp ON pp.persona_id = pr.persona_id""";

    private PromotorColumnas() {
    }

    static PromotorSummary promotor(Row row) {
        Integer id = integer(row, "pr_id");
        if (id == null) {
            return null;
        }
        String tipo = str(row, "pr_tipo");
        return new PromotorSummary(id, tipo, PromotorSummary.nombre(tipo, str(row, "pp_nombres"),
                str(row, "pp_apellidos"), str(row, "pr_razon"), str(row, "pr_otros"), str(row, "pr_fuente")),
                str(row, "pr_ruc"), str(row, "pr_email"), str(row, "pr_celular"), str(row, "pr_fuente"));
    }

    static String doc(String tipo, String numero) {
        if (tipo == null && numero == null) {
            return null;
        }
        return ((tipo == null ? "" : tipo) + " " + (numero == null ? "" : numero)).trim();
    }
}
