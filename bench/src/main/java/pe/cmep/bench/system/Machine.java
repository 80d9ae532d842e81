package pe.cmep.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The machine a run measured on, and the commit it measured. */
public record Machine(int cores, long memoryMiB, String jdk, String uname, String loadAverageAtStart, String commit) {

    public static Machine describe(Path home) {
        return new Machine(Runtime.getRuntime().availableProcessors(), memTotalMiB(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                command("uname", "-srvm"), firstLine(home.resolve("loadavg-at-start")),
                System.getenv().getOrDefault("BENCH_COMMIT", "unknown"));
    }

    private static long memTotalMiB() {
        for (String line : lines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    static String firstLine(Path file) {
        String[] lines = lines(file);
        return lines.length == 0 ? "unknown" : lines[0].trim();
    }

    static String[] lines(Path file) {
        try {
            return Files.readString(file).split("\n");
        } catch (IOException e) {
            return new String[0];
        }
    }

    static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
