package pe.cmep.gateway.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Runs the seeds: the dev seed while the API starts in local mode (after Flyway, before
 * the port opens), or a one-shot seed command of {@code ./cmep seed}, after which the
 * process exits.
 */
@Component
class SeedRunner implements SmartInitializingSingleton, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedRunner.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final SeedProperties properties;
    private final DevSeed devSeed;
    private final ProdSeed prodSeed;
    private final SeedRepository seeds;
    private final ConfigurableApplicationContext context;

    SeedRunner(SeedProperties properties, DevSeed devSeed, ProdSeed prodSeed, SeedRepository seeds,
               ConfigurableApplicationContext context) {
        this.properties = properties;
        this.devSeed = devSeed;
        this.prodSeed = prodSeed;
        this.seeds = seeds;
        this.context = context;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if ("none".equals(properties.command()) && "dev".equals(properties.onStartup())) {
            devSeed.ensure().block(TIMEOUT);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        String command = properties.command();
        if ("none".equals(command)) {
            return;
        }
        int exitCode;
        try {
            switch (command) {
                case "dev" -> devSeed.ensure().block(TIMEOUT);
                case "dev-reset" -> devSeed.reset().block(TIMEOUT);
                case "prod" -> runProdSeed();
                default -> throw new IllegalArgumentException("Unknown seed command '" + command
                        + "' (dev, dev-reset, prod)");
            }
            exitCode = 0;
        } catch (RuntimeException e) {
            log.error("seed_failed command={} reason={}", command, e.getMessage());
            exitCode = 1;
        }
        int code = exitCode;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    private void runProdSeed() {
        ProdSeed.validate(properties.admin());
        String version = seeds.serverVersion().block(TIMEOUT);
        if (version == null || version.toLowerCase().contains("mariadb")) {
            throw new IllegalStateException("The production seed runs only against MySQL (server says " + version + ")");
        }
        if (!properties.confirm() && !confirmed()) {
            throw new IllegalStateException("Not confirmed: nothing was written");
        }
        prodSeed.apply(properties.admin()).block(TIMEOUT);
    }

    private static boolean confirmed() {
        System.out.print("Seed the PRODUCTION database with one servicio and the admin account? Type 'yes': ");
        System.out.flush();
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line != null && line.trim().equalsIgnoreCase("yes");
        } catch (IOException e) {
            return false;
        }
    }
}
