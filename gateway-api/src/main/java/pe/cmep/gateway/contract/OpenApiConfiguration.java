package pe.cmep.gateway.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;

/**
 * The published HTTP contract (docs/contract.md): springdoc serves it at /v3/api-docs, and Swagger UI, only where a
 * profile turns them on (application.yml: local, and the document alone in test); it is committed as
 * docs/openapi.json, from which the web app's API types are generated.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("springdoc.api-docs.enabled")
class OpenApiConfiguration {

    @Bean
    OpenAPI cmepOpenApi() {
        return new OpenAPI()
                .info(new Info().title("CMEP API")
                        // the contract's version, not the app's release (APP_VERSION), so the document is the same
                        // wherever it is generated
                        .version("1")
                        .description("The HTTP contract of api.md. Every error is the envelope of api.md §2.2."))
                // a relative server: the document does not depend on where it was served from (api.md §1: at the root)
                .servers(List.of(new Server().url("/").description("The API's origin")));
    }

    @Bean
    ContractCustomizer contractCustomizer(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        return new ContractCustomizer(mappings);
    }
}
