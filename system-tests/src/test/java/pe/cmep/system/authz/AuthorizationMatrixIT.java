package pe.cmep.system.authz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import pe.cmep.system.SharedCluster;
import pe.cmep.system.authz.MatrixFixtures.Estado;
import pe.cmep.system.cluster.Cluster;
import pe.cmep.system.hostile.ApiCaller;
import pe.cmep.system.hostile.ErrorEnvelope;
import pe.cmep.system.hostile.OpenApiDoc;
import pe.cmep.system.hostile.Reply;
import pe.cmep.system.hostile.Route;
import pe.cmep.system.hostile.RouteTable;

/**
 * The authorisation matrix (issue 15): every endpoint × anonymous and each role × (for a solicitud's endpoints) every
 * estado_operativo, one valid request per cell, the answer compared with the one rule table ({@link AccessRules},
 * api.md §6) and the policy file the cluster runs with (domain.md §4).
 */
class AuthorizationMatrixIT {

    private static final List<Caller> CALLERS = List.of(new Caller("anonymous", null, null),
            new Caller("ADMIN", "admin@cmep.local", "admin123"),
            new Caller("OPERADOR", "operador@cmep.local", "operador123"),
            new Caller("GESTOR", "gestor@cmep.local", "gestor123"),
            new Caller("MEDICO", "medico@cmep.local", "medico123"));

    @Test
    void the_rule_table_lists_exactly_the_routes_the_api_serves_and_openapi_documents() {
        Cluster cluster = SharedCluster.get();
        Map<Route, AccessRule> rules = AccessRules.all();
        Set<Route> running = new TreeSet<>(RouteTable.read(cluster.apis().get(0).managementPort()));
        OpenApiDoc doc = OpenApiDoc.load();

        assertEquals(rules.keySet(), running, "the routes the running API serves (actuator mappings) differ from "
                + "AccessRules: a new endpoint needs its access rule written down (api.md §6)");
        assertEquals(rules.keySet(), doc.routes(), "docs/openapi.json documents other routes than AccessRules");
        Map<Route, String> documented = new TreeMap<>();
        rules.keySet().forEach(r -> documented.put(r, doc.auth(r)));
        Map<Route, String> written = new TreeMap<>();
        rules.forEach((r, rule) -> written.put(r, rule.toString()));
        assertEquals(written, documented, "x-cmep-auth of docs/openapi.json differs from AccessRules");
    }

    @Test
    void every_route_answers_every_caller_in_every_state_as_the_rules_and_the_policy_file_say() {
        Cluster cluster = SharedCluster.get();
        long started = System.nanoTime();
        String url = cluster.apis().get(0).url();
        PolicyFile policy = PolicyFile.load();
        Map<Route, AccessRule> rules = AccessRules.all();
        MatrixFixtures fixtures = new MatrixFixtures(ApiCaller.login(url, "setup", "admin@cmep.local", "admin123"));
        ValidRequests valid = new ValidRequests(fixtures);

        Map<String, ApiCaller> sessions = new LinkedHashMap<>();
        Map<String, List<String>> roles = new LinkedHashMap<>();
        for (Caller c : CALLERS) {
            ApiCaller caller = c.open(url);
            sessions.put(c.label(), caller);
            roles.put(c.label(), c.email() == null ? List.of() : rolesOf(caller));
        }

        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format("%-52s %-16s", "route", "estado"));
        CALLERS.forEach(c -> table.append(String.format(" %-9s", c.label())));
        table.append(String.format("  %s%n", "rule"));
        int cells = 0;
        for (var entry : rules.entrySet()) {
            Route route = entry.getKey();
            AccessRule rule = entry.getValue();
            List<Estado> estados = route.variables().contains("solicitud_id") ? List.of(Estado.values())
                    : java.util.Collections.singletonList(null);
            for (Estado estado : estados) {
                table.append(String.format("%-52s %-16s", route, estado == null ? "-" : estado));
                for (Caller c : CALLERS) {
                    Expected expected = expected(rule, roles.get(c.label()), c.email() == null, estado, policy);
                    ValidRequests.Sent sent = valid.send(route, estado, c, sessions.get(c.label()), url);
                    Reply reply = sent.reply();
                    cells++;
                    String problem = expected.problem(reply);
                    if (problem == null && reply.success()) {
                        sent.variable().ifPresent(v -> fixtures.afterSuccess(v, estado, sent.id()));
                    }
                    table.append(String.format(" %-9s", reply.status() + (problem == null ? "" : "!")));
                    if (problem != null) {
                        failures.add(route + (estado == null ? "" : " in " + estado) + " as " + c.label()
                                + ": expected " + expected + " (" + rule + "), got " + reply.status() + " — " + problem
                                + "; body: " + reply.excerpt());
                    }
                }
                table.append("  ").append(rule).append('\n');
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.println("authorisation_matrix cells=" + cells + " seconds=" + seconds + " failures="
                + failures.size() + " (! marks a cell that differs from the rule)\n" + table);
        assertTrue(failures.isEmpty(), failures.size() + " of " + cells + " cells differ from AccessRules and "
                + "the policy file:\n" + String.join("\n", failures) + "\n\n" + table);
    }

    private static List<String> rolesOf(ApiCaller caller) {
        List<String> roles = new ArrayList<>();
        MatrixFixtures.data(caller.get("/auth/me")).path("user").path("roles").forEach(r -> roles.add(r.asString()));
        return roles;
    }

    /**
     * What the contract answers a valid request with: anonymous on a non-anon route 401 (api.md §3); a non-ADMIN on
     * an ADMIN route 403 (§6); a policy action the state does not grant 403 naming action and state (§2.2, domain.md
     * §4.2); otherwise 2xx, unless §7.5 documents a refusal of that valid request in that state.
     */
    static Expected expected(AccessRule rule, List<String> roles, boolean anonymous, Estado estado,
                             PolicyFile policy) {
        if (rule.kind() == AccessRule.Kind.ANON) {
            return Expected.success();
        }
        if (anonymous) {
            return Expected.refusal(401, "UNAUTHENTICATED");
        }
        return switch (rule.kind()) {
            case USER -> Expected.success();
            case ADMIN -> roles.contains("ADMIN") ? Expected.success()
                    : Expected.refusal(403, "FORBIDDEN", "Solo ADMIN puede acceder a esta funcion");
            case POLICY -> policy.grants(roles, estado.name(), rule.action())
                    ? DomainRefusals.of(rule.action(), estado)
                    : Expected.refusal(403, "FORBIDDEN", "'" + rule.action() + "'", "'" + estado.name() + "'");
            case ANON -> Expected.success();
        };
    }

    record Caller(String label, String email, String password) {
        ApiCaller open(String url) {
            return email == null ? ApiCaller.anonymous(url) : ApiCaller.login(url, label, email, password);
        }
    }

    /** The answer a cell expects: a 2xx, or a status with its code and words the message must hold. */
    record Expected(int status, String code, List<String> messageParts) {

        static Expected success() {
            return new Expected(200, null, List.of());
        }

        static Expected refusal(int status, String code, String... messageParts) {
            return new Expected(status, code, List.of(messageParts));
        }

        /** Null when the reply is what the contract says, else what differs. */
        String problem(Reply reply) {
            if (code == null) {
                return reply.success() ? null : "not a success";
            }
            if (reply.status() != status) {
                return "wrong status";
            }
            String envelope = ErrorEnvelope.problem(reply).orElse(null);
            if (envelope != null) {
                return envelope;
            }
            if (!code.equals(ErrorEnvelope.code(reply))) {
                return "code " + ErrorEnvelope.code(reply);
            }
            String message = ErrorEnvelope.message(reply);
            for (String part : messageParts) {
                if (!message.contains(part)) {
                    return "message does not name " + part;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return code == null ? "2xx" : status + " " + code + (messageParts.isEmpty() ? "" : " " + messageParts);
        }
    }
}
