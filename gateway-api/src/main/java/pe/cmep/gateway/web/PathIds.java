package pe.cmep.gateway.web;

import java.util.regex.Pattern;

/** Path ids are positive integers (api.md §0): anything else is a 422 on the parameter's name. */
public final class PathIds {

    // ASCII digits only: Integer.parseInt would also take "+1" or Arabic-Indic digits
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

    private PathIds() {
    }

    public static int positive(String raw, String field) {
        if (raw != null && DIGITS.matcher(raw).matches()) {
            long id = Long.parseLong(raw);
            if (id > 0 && id <= Integer.MAX_VALUE) {
                return (int) id;
            }
        }
        throw ApiException.validation(field, "Debe ser un id entero positivo");
    }
}
