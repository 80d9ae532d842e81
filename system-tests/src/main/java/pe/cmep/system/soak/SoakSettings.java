package pe.cmep.system.soak;

import java.nio.file.Path;

/**
 * The soak's settings: {@code [minutes]} as the first argument (default 60); the rest from the environment
 * ({@code CMEP_SOAK_RATE} actions per second over all clients, {@code CMEP_SOAK_CLIENTS},
 * {@code CMEP_SOAK_SOLICITUDES}, {@code CMEP_SOAK_SEED}, {@code CMEP_SOAK_HEAP} of each service) and, for where it
 * writes, the system properties {@code cmep.soak.home} and {@code cmep.soak.out} that ./cmep sets.
 */
record SoakSettings(int minutes, double rate, int clients, int solicitudes, long seed, Path home, Path out,
                    String heap) {

    static SoakSettings parse(String[] args) {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        if (minutes < 1) {
            throw new IllegalArgumentException("minutes must be at least 1, was " + minutes);
        }
        return new SoakSettings(minutes,
                Double.parseDouble(env("CMEP_SOAK_RATE", "10")),
                Integer.parseInt(env("CMEP_SOAK_CLIENTS", "8")),
                Integer.parseInt(env("CMEP_SOAK_SOLICITUDES", "1000")),
                Long.parseLong(env("CMEP_SOAK_SEED", String.valueOf(System.nanoTime()))),
                Path.of(System.getProperty("cmep.soak.home", "target/soak")),
                Path.of(System.getProperty("cmep.soak.out", "soak-results")),
                env("CMEP_SOAK_HEAP", "256m"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
