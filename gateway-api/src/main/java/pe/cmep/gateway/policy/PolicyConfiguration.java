package pe.cmep.gateway.policy;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Loads the policy matrix once at start-up; an unreadable or invalid file stops the start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicyProperties.class)
class PolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    PolicyMatrix policyMatrix(PolicyProperties properties, ResourceLoader resources) {
        String location = properties.file();
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException("Policy file " + location
                    + " not found (set by cmep.policy.file / CMEP_POLICY_FILE)");
        }
        PolicyMatrix matrix;
        try (InputStream in = resource.getInputStream()) {
            matrix = PolicyMatrix.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Policy file " + location + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Invalid policy file " + location + ": " + e.getMessage());
        }
        log.info("policy_loaded file={}", location);
        return matrix;
    }
}
