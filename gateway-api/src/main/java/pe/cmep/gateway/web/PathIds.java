package pe.cmep.gateway.web;

/** Path ids are positive integers (api.md §0): anything else is a 422 on the parameter's name. */
public final class PathIds {

    private PathIds() {
    }

    public static int positive(String raw, String field) {
        try {
            int id = Integer.parseInt(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.validation(field, "Debe ser un id entero positivo");
    }
}
