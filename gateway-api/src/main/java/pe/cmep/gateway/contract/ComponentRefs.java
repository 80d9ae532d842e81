package pe.cmep.gateway.contract;

/** References into the document's components. */
final class ComponentRefs {

    private ComponentRefs() {
    }

    static String schema(String name) {
        return "#/components/schemas/" + name;
    }
}
