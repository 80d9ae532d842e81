package pe.cmep.system.authz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The policy file the cluster runs with (gateway-api's default-policy.json), read as it is, never copied. */
final class PolicyFile {

    private final JsonNode matrix;

    private PolicyFile(JsonNode matrix) {
        this.matrix = matrix;
    }

    /** The file named by the system property {@code cmep.policy} (set by failsafe). */
    static PolicyFile load() {
        Path path = Path.of(System.getProperty("cmep.policy",
                "../gateway-api/src/main/resources/policy/default-policy.json"));
        try {
            return new PolicyFile(JsonMapper.builder().build().readTree(Files.readString(path)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path.toAbsolutePath(), e);
        }
    }

    /** domain.md §4.2: the union over the caller's roles of the actions the state grants. */
    boolean grants(Collection<String> roles, String estado, String action) {
        Set<String> actions = new HashSet<>();
        for (String role : roles) {
            matrix.path(role).path(estado).forEach(a -> actions.add(a.asString()));
        }
        return actions.contains(action);
    }
}
