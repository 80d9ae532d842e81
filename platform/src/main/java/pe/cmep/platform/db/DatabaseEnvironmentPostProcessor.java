package pe.cmep.platform.db;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives {@code spring.r2dbc.*} and {@code spring.flyway.*} from the single
 * {@code cmep.db.url} setting (bound to {@code DB_URL}), so one variable names the
 * database for the API, the workers and the migrations alike.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "cmepDatabase";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("cmep.db.url");
        if (url == null || url.isBlank()) {
            return;
        }
        DatabaseUrl db = DatabaseUrl.parse(url, environment.getProperty("cmep.db.user"),
                environment.getProperty("cmep.db.password"));
        Map<String, Object> props = new HashMap<>();
        props.put("spring.r2dbc.url", db.r2dbcUrl());
        props.put("spring.r2dbc.username", db.user());
        props.put("spring.flyway.url", db.jdbcUrl());
        props.put("spring.flyway.user", db.user());
        if (db.password() != null) {
            props.put("spring.r2dbc.password", db.password());
            props.put("spring.flyway.password", db.password());
        }
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, props));
    }

    @Override
    public int getOrder() {
        // After the config files are loaded, so cmep.db.url can come from application.yml or the environment.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
