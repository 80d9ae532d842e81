package pe.cmep.system.soak;

import java.nio.file.Path;

/**
 * The soak's settings: {@code [minutes]} as the first argument (default 60), the rest from system properties
 * ({@code cmep.soak.rate}, {@code .clients}, {@code .solicitudes}, {@code .seed}, {@code .home}, {@code .out},
 * {@code .heap}).
 */
record SoakSettings(int minutes, double rate, int clients, int solicitudes, long seed, Path home, Path out,
                    String heap) {

    static SoakSettings parse(String[] args) {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        if (minutes < 1) {
            throw new IllegalArgumentException("minutes must be at least 1, was " + minutes);
        }
        return new SoakSettings(minutes,
                Double.parseDouble(System.getProperty("cmep.soak.rate", "20")),
                Integer.getInteger("cmep.soak.clients", 8),
                Integer.getInteger("cmep.soak.solicitudes", 300),
                Long.getLong("cmep.soak.seed", System.nanoTime()),
                Path.of(System.getProperty("cmep.soak.home", "target/soak")),
                Path.of(System.getProperty("cmep.soak.out", "soak-results")),
                System.getProperty("cmep.soak.heap", "256m"));
    }
}
