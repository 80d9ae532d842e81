package pe.cmep.bench.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The processes {@code ./cmep bench} started, as its start-up log ({@code startup.tsv}: name, pid, started and
 * healthy in ms since the epoch) names them: their cold start, and their memory after the load (RSS from
 * /proc/PID/status; heap in use from each service's actuator, {@code jvm.memory.used} of area heap).
 */
public final class Services {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A process of the system under test. */
    public record Service(String name, int pid, long startedMs, long healthyMs) {
    }

    public record ColdStart(String service, long millis) {
    }

    /** @param heapUsedMiB null where the process has no actuator (the stand-ins, MariaDB) */
    public record Memory(String process, long rssMiB, Double heapUsedMiB, Double heapMaxMiB) {
    }

    private final List<Service> services;
    private final Map<String, String> actuators;

    public Services(Path home, Map<String, String> actuators) {
        List<Service> read = new ArrayList<>();
        for (String line : Machine.lines(home.resolve("startup.tsv"))) {
            String[] f = line.split("\t");
            if (f.length == 4) {
                read.add(new Service(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])));
            }
        }
        this.services = List.copyOf(read);
        this.actuators = actuators;
    }

    public List<ColdStart> coldStarts() {
        return services.stream().map(s -> new ColdStart(s.name(), s.healthyMs() - s.startedMs())).toList();
    }

    public List<Memory> memory() {
        List<Memory> out = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (Service s : services) {
            String actuator = actuators.get(s.name());
            Double used = actuator == null ? null : heap(http, actuator, "jvm.memory.used");
            Double max = actuator == null ? null : heap(http, actuator, "jvm.memory.max");
            out.add(new Memory(s.name(), rssMiB(s.pid()), used, max));
            // the stand-ins run MariaDB as a child process of their JVM
            children(s.pid()).forEach(child -> out.add(new Memory(s.name() + " > " + comm(child), rssMiB(child), null,
                    null)));
        }
        return out;
    }

    private static Double heap(HttpClient http, String actuator, String metric) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(actuator + "/actuator/metrics/" + metric
                    + "?tag=area:heap")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return null;
            }
            JsonNode m = JSON.readTree(r.body());
            return m.at("/measurements/0/value").doubleValue() / (1024 * 1024);
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static long rssMiB(int pid) {
        for (String line : Machine.lines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static String comm(int pid) {
        return Machine.firstLine(Path.of("/proc/" + pid + "/comm"));
    }

    private static List<Integer> children(int pid) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> parent(p) == pid)
                    .map(p -> Integer.parseInt(p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The fourth field of /proc/PID/stat, after the command name in parentheses. */
    private static int parent(Path proc) {
        String stat = Machine.firstLine(proc.resolve("stat"));
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return -1;
        }
        String[] f = stat.substring(close + 2).split(" ");
        return f.length > 1 ? Integer.parseInt(f[1]) : -1;
    }
}
