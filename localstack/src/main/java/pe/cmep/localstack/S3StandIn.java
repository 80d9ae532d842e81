package pe.cmep.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.reference.FilesystemConstants;

/**
 * S3Proxy standing in for S3, objects kept as files under {@code home/s3}, uploads received under
 * {@code home/s3-incoming} ({@link WholeUploadsBlobStore}).
 */
final class S3StandIn {

    static final String SERVER = "S3Proxy";

    private final BlobStoreContext blobs;
    private final BlobStore store;
    private final int port;
    private S3Proxy proxy;

    private S3StandIn(BlobStoreContext blobs, BlobStore store, int port) {
        this.blobs = blobs;
        this.store = store;
        this.port = port;
    }

    static S3StandIn start(Path home, int port, String bucket) {
        Properties properties = new Properties();
        Path buckets = Directories.create(home.resolve("s3"));
        properties.setProperty(FilesystemConstants.PROPERTY_BASEDIR, buckets.toString());
        BlobStoreContext blobs = ContextBuilder.newBuilder("filesystem-nio2")
                // jclouds insists on credentials even for a local directory; S3Proxy itself checks none
                .credentials("local", "local")
                .overrides(properties)
                .buildView(BlobStoreContext.class);
        try {
            BlobStore store = WholeUploadsBlobStore.over(blobs.getBlobStore(), buckets, home.resolve("s3-incoming"));
            // a no-op when the bucket is already on disk
            store.createContainerInLocation(null, bucket);
            S3StandIn s3 = new S3StandIn(blobs, store, port);
            s3.restart();
            return s3;
        } catch (RuntimeException e) {
            blobs.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    String endpoint() {
        return "http://localhost:" + port;
    }

    /** Starts the server on the objects already on disk; does nothing while it runs. */
    synchronized void restart() {
        if (proxy != null) {
            return;
        }
        proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://" + Ports.LOOPBACK + ":" + port))
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            stop();
            throw new IllegalStateException(SERVER + " did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    synchronized void stop() {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException(SERVER + " did not stop: " + e.getMessage(), e);
        } finally {
            proxy = null;
        }
    }

    void close() {
        try {
            stop();
        } finally {
            blobs.close();
        }
    }
}
