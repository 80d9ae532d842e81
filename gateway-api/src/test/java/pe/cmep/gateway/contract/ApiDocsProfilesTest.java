package pe.cmep.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Which profiles publish the document and Swagger UI (docs/contract.md): never prod. */
class ApiDocsProfilesTest {

    @ParameterizedTest
    @CsvSource({"local, true, true", "test, true, false", "prod, false, false"})
    void the_document_and_the_ui_are_published_only_where_meant(String profiles, boolean apiDocs, boolean ui) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE).profiles(profiles.split(",")).run()) {
            Environment environment = context.getEnvironment();
            assertThat(environment.getProperty("springdoc.api-docs.enabled", Boolean.class)).isEqualTo(apiDocs);
            assertThat(environment.getProperty("springdoc.swagger-ui.enabled", Boolean.class)).isEqualTo(ui);
        }
    }

    /** Nothing but the configuration files application.yml imports. */
    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
