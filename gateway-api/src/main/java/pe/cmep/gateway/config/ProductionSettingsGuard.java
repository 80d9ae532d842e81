package pe.cmep.gateway.config;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Refuses to start in production with the development session secret or a weak one. */
@Component
class ProductionSettingsGuard implements InitializingBean {

    static final String DEV_SECRET = "dev-secret-change-in-production";
    private static final int MIN_SECRET_LENGTH = 32;

    private final ApiProperties properties;

    ProductionSettingsGuard(ApiProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        String secret = properties.session() == null ? null : properties.session().secret();
        if (secret == null || secret.isEmpty()) {
            throw new IllegalStateException("SESSION_SECRET is empty");
        }
        if (properties.prod() && (DEV_SECRET.equals(secret) || secret.length() < MIN_SECRET_LENGTH)) {
            throw new IllegalStateException("APP_ENV=prod needs a real SESSION_SECRET of at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
    }
}
