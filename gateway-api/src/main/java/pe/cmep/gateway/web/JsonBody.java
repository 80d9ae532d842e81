package pe.cmep.gateway.web;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Request bodies are read as raw bytes and parsed here, so a malformed body is a 422 (api.md §0 D2). */
public final class JsonBody {

    private JsonBody() {
    }

    public static ObjectNode parseObject(JsonMapper mapper, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ApiException.validation("body", "Se requiere un cuerpo JSON");
        }
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (JacksonException e) {
            throw ApiException.validation("body", "JSON mal formado");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.validation("body", "Se esperaba un objeto JSON");
        }
        return (ObjectNode) node;
    }
}
