package pe.cmep.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.io.Payload;
import org.jclouds.io.Payloads;
import org.jclouds.io.payloads.BaseMutableContentMetadata;

/**
 * S3Proxy's file-system store as S3 behaves: an object is in the bucket whole or not at all. The store writes an
 * upload to a file {@code <key>-<uuid>} beside the object and renames it once complete; an upload whose client goes
 * away mid-body (an API instance killed while it stores a file) leaves that file behind, and from then on every
 * listing of the bucket fails with 500, because the store lists it as an object and finds none of an object's
 * attributes. So the body is read into a file outside the bucket first and only a complete one is handed to the
 * store, listings wait for the store's own short copies, and files left by a stand-in killed mid-copy are removed
 * when it starts.
 */
final class WholeUploadsBlobStore extends ForwardingBlobStore {

    /** What the store appends to a key for its file in progress: {@code "-" + UUID.randomUUID()}. */
    private static final Pattern IN_PROGRESS =
            Pattern.compile(".+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** The attribute the store writes on every complete object and reads when it lists one. */
    private static final String CONTENT_MD5 = "content-md5";

    private final Path incoming;
    private final ReadWriteLock listing = new ReentrantReadWriteLock();

    private WholeUploadsBlobStore(BlobStore store, Path incoming) {
        super(store);
        this.incoming = incoming;
    }

    /**
     * The store over the buckets under {@code buckets}, bodies read under {@code incoming}; first removes what a
     * stand-in killed mid-upload left in either.
     */
    static WholeUploadsBlobStore over(BlobStore store, Path buckets, Path incoming) {
        Directories.deleteRecursively(incoming);
        removeUnfinished(buckets);
        return new WholeUploadsBlobStore(store, Directories.create(incoming));
    }

    @Override
    public String putBlob(String container, Blob blob) {
        return putBlob(container, blob, new PutOptions());
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
        Path body = null;
        try {
            body = Files.createTempFile(incoming, "upload-", ".part");
            try (InputStream in = blob.getPayload().openStream()) {
                Files.copy(in, body, StandardCopyOption.REPLACE_EXISTING);
            }
            Payload whole = Payloads.newFilePayload(body.toFile());
            whole.setContentMetadata(BaseMutableContentMetadata.fromContentMetadata(
                    blob.getMetadata().getContentMetadata()));
            blob.setPayload(whole);
            listing.readLock().lock();
            try {
                return delegate().putBlob(container, blob, options);
            } finally {
                listing.readLock().unlock();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("upload to " + container + "/" + blob.getMetadata().getName()
                    + " not received whole", e);
        } finally {
            deleteIfExists(body);
        }
    }

    @Override
    public PageSet<? extends StorageMetadata> list(String container) {
        return list(container, ListContainerOptions.NONE);
    }

    @Override
    public PageSet<? extends StorageMetadata> list(String container, ListContainerOptions options) {
        listing.writeLock().lock();
        try {
            return delegate().list(container, options);
        } finally {
            listing.writeLock().unlock();
        }
    }

    /** Files named as the store's uploads in progress that never got an object's attributes. */
    static List<Path> unfinished(Path buckets) {
        if (!Files.isDirectory(buckets)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(buckets)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> IN_PROGRESS.matcher(file.getFileName().toString()).matches())
                    .filter(file -> !hasContentMd5(file))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + buckets, e);
        }
    }

    private static void removeUnfinished(Path buckets) {
        for (Path file : unfinished(buckets)) {
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the unfinished upload " + file, e);
            }
        }
    }

    private static boolean hasContentMd5(Path file) {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        if (view == null) {
            // without extended attributes the store keeps no object attributes at all, and lists without them
            return true;
        }
        try {
            return view.list().contains(CONTENT_MD5);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteIfExists(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // outside the bucket nothing lists it, and the next start empties the directory
        }
    }
}
