package pe.cmep.gateway.solicitud;

import pe.cmep.gateway.web.ApiException;
import pe.cmep.gateway.web.FieldReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The validated top level of an override body (api.md §7.5); the payload is validated by the sub-action that
 * reads it, after the lock and the policy, with errors under {@code payload.}.
 */
record OverrideRequest(String motivo, AccionOverride accion, ObjectNode payload) {

    private static final String PREFIX = "payload.";

    static OverrideRequest read(ObjectNode body, JsonMapper mapper) {
        FieldReader r = new FieldReader(body);
        String motivo = r.requiredString("motivo", 1, 10_000);
        String accion = r.requiredEnum("accion", AccionOverride.NOMBRES);
        ObjectNode payload = null;
        if (body.has("payload") && !body.get("payload").isNull()) {
            if (body.get("payload").isObject()) {
                payload = (ObjectNode) body.get("payload");
            } else {
                r.error("payload", "Debe ser un objeto");
            }
        }
        r.validate();
        return new OverrideRequest(motivo, AccionOverride.valueOf(accion),
                payload == null ? mapper.createObjectNode() : payload);
    }

    /** EDITAR_DATOS: the solicitud's own fields only (§5.10). */
    EdicionRequest edicion() {
        return EdicionRequest.read(payload, true, PREFIX);
    }

    PagoInput pago() {
        FieldReader r = new FieldReader(payload, PREFIX);
        PagoInput pago = PagoInput.read(r);
        r.validate();
        return pago;
    }

    /** CAMBIAR_GESTOR / CAMBIAR_MEDICO: the persona id; missing or falsy (null, 0, false, "") → 422 (api.md §7.5). */
    int personaId() {
        String name = accion.accion().campoPersona();
        JsonNode value = payload.get(name);
        boolean falsy = value == null || value.isNull()
                || (value.isNumber() && value.asDouble() == 0)
                || (value.isBoolean() && !value.asBoolean())
                || (value.isString() && value.asString().isEmpty());
        if (falsy) {
            throw ApiException.validation("payload debe incluir " + name, PREFIX + name,
                    "payload debe incluir " + name);
        }
        FieldReader r = new FieldReader(payload, PREFIX);
        Integer id = r.requiredId(name);
        r.validate();
        return id;
    }
}
