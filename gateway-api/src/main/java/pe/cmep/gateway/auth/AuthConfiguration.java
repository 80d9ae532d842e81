package pe.cmep.gateway.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import pe.cmep.gateway.config.ApiProperties;

@Configuration(proxyBeanMethods = false)
class AuthConfiguration implements WebFluxConfigurer {

    @Bean
    SessionTokens sessionTokens(ApiProperties properties) {
        return new SessionTokens(properties.session().secret());
    }

    @Bean
    SessionCookies sessionCookies(ApiProperties properties) {
        return new SessionCookies(properties.prod(), properties.session().cookieDomain(),
                properties.session().lifetime());
    }

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new CurrentUserArgumentResolver());
    }
}
