package pe.cmep.system.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import pe.cmep.system.check.Metrics;
import pe.cmep.system.cluster.Node;

/** Resident memory (from /proc) and used heap (from the actuator) of one node, in MiB; -1 when unreadable. */
record ProcessFigures(long rssMiB, long heapMiB) {

    static ProcessFigures of(Node node) {
        return new ProcessFigures(rss(node.pid()), heap(node));
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static long heap(Node node) {
        try {
            return (long) (Metrics.value(node.managementPort(), "jvm.memory.used", "area:heap") / (1024 * 1024));
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
