package pe.cmep.gateway.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param file the policy matrix in force, as a Spring resource location ({@code classpath:…} or
 *             {@code file:…}); {@code CMEP_POLICY_FILE} in the environment. The permissive variant
 *             of domain.md §4.1 ships as {@code classpath:policy/permissive-policy.json}.
 */
@ConfigurationProperties("cmep.policy")
public record PolicyProperties(@DefaultValue("classpath:policy/default-policy.json") String file) {
}
