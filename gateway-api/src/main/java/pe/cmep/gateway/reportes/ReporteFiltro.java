package pe.cmep.gateway.reportes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pe.cmep.events.EstadoOperativo;
import pe.cmep.gateway.web.ApiException;
import pe.cmep.gateway.web.DateColumns;
import pe.cmep.gateway.web.FieldError;

/**
 * The query of GET /admin/reportes (api.md §7.12): the day window {@code [desde, hasta]} (UTC dates, both
 * inclusive), the optional estado_operativo that narrows the solicitud counts, and the series buckets.
 * Both ends lie within what the date columns hold (1000-01-01..9999-12-31): the report answers any such window and
 * refuses the others, which it could only answer as an empty report or not at all.
 *
 * @param estado null when the report is not narrowed
 */
record ReporteFiltro(LocalDate desde, LocalDate hasta, EstadoOperativo estado, Agrupacion agrupacion) {

    static final int DIAS_POR_DEFECTO = 30;

    /** An empty parameter counts as absent, as in the solicitud list. Every invalid parameter is reported at once. */
    static ReporteFiltro read(Map<String, String> params, LocalDate hoy) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate hasta = date(params, "hasta", errors);
        LocalDate desde = date(params, "desde", errors);
        EstadoOperativo estado = null;
        String rawEstado = params.get("estado");
        if (present(rawEstado)) {
            estado = EstadoOperativo.parse(rawEstado).orElse(null);
            if (estado == null) {
                errors.add(new FieldError("estado", "Valor no permitido: " + rawEstado));
            }
        }
        Agrupacion agrupacion = Agrupacion.MENSUAL;
        String rawAgrupacion = params.get("agrupacion");
        if (present(rawAgrupacion)) {
            agrupacion = Agrupacion.parse(rawAgrupacion).orElse(null);
            if (agrupacion == null) {
                errors.add(new FieldError("agrupacion", "Debe ser 'mensual' o 'semanal'"));
            }
        }
        if (hasta == null && !present(params.get("hasta"))) {
            hasta = hoy;
        }
        if (desde == null && !present(params.get("desde")) && hasta != null) {
            desde = max(hasta.minusDays(DIAS_POR_DEFECTO), DateColumns.MIN);
        }
        if (desde != null && hasta != null && desde.isAfter(hasta)) {
            errors.add(new FieldError("desde", "No puede ser posterior a 'hasta'"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new ReporteFiltro(desde, hasta, estado, agrupacion);
    }

    private static LocalDate date(Map<String, String> params, String name, List<FieldError> errors) {
        String raw = params.get(name);
        if (!present(raw)) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "Debe ser una fecha YYYY-MM-DD"));
            return null;
        }
        if (!DateColumns.holds(date)) {
            errors.add(new FieldError(name, DateColumns.OUT_OF_RANGE));
            return null;
        }
        return date;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
