package pe.cmep.system.cluster;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a cluster is made of.
 *
 * @param home      data of the stand-ins and the services' logs (wiped on start)
 * @param jars      the executable jar of each service
 * @param instances how many processes of each service
 * @param heap      each service process's -Xmx, e.g. {@code 256m}
 */
public record ClusterSettings(Path home, Map<Service, Path> jars, int instances, String heap) {

    public ClusterSettings {
        home = home.toAbsolutePath().normalize();
        jars = Map.copyOf(new EnumMap<>(jars));
        for (Service s : Service.values()) {
            Path jar = jars.get(s);
            if (jar == null || !jar.toFile().isFile()) {
                throw new IllegalArgumentException("no jar for " + s.artifact() + " at " + jar
                        + ": build it first (./mvnw -B package -DskipTests)");
            }
        }
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be at least 1, was " + instances);
        }
    }

    /** The jars named by the system properties {@code cmep.jar.<artifact>} (failsafe sets them). */
    public static Map<Service, Path> jarsFromSystemProperties() {
        Map<Service, Path> jars = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            String path = System.getProperty("cmep.jar." + s.artifact());
            if (path == null) {
                throw new IllegalStateException("system property cmep.jar." + s.artifact() + " is not set");
            }
            jars.put(s, Path.of(path));
        }
        return jars;
    }
}
