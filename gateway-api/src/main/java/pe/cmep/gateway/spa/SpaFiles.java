package pe.cmep.gateway.spa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of a built web app: a request's decoded path segments name a file only when every segment is a plain
 * name (no {@code .} or {@code ..}, no dotfile, no separator smuggled in encoded) and the file, links followed,
 * is a regular file inside the folder.
 */
final class SpaFiles {

    static final String INDEX = "index.html";

    private final Path root;

    private SpaFiles(Path root) {
        this.root = root;
    }

    /** The folder must exist and hold {@code index.html}: a wrong setting stops the start-up, not each page. */
    static SpaFiles at(Path dir) {
        if (!Files.isRegularFile(dir.resolve(INDEX))) {
            throw new IllegalArgumentException("cmep.spa.dir (CMEP_SPA_DIR) must be a folder holding the built web "
                    + "app's " + INDEX + ": " + dir.toAbsolutePath() + " has none"
                    + " (build it: cd frontend && npm run build)");
        }
        try {
            return new SpaFiles(dir.toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path index() {
        return root.resolve(INDEX);
    }

    Optional<Path> file(List<String> segments) {
        if (segments.isEmpty() || !segments.stream().allMatch(SpaFiles::isPlainName)) {
            return Optional.empty();
        }
        Path candidate = root;
        for (String segment : segments) {
            candidate = candidate.resolve(segment);
        }
        try {
            Path real = candidate.toRealPath();
            return real.startsWith(root) && Files.isRegularFile(real) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isPlainName(String segment) {
        return !segment.isEmpty() && !segment.startsWith(".")
                && segment.chars().noneMatch(c -> c == '/' || c == '\\' || c == 0);
    }
}
