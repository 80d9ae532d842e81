package pe.cmep.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An object is in the bucket whole or not at all, as in S3, whatever happens to the client or the stand-in in the
 * middle of an upload; the bucket stays listable.
 */
class WholeUploadsIT {

    private static final String BUCKET = "cmep-files";

    @Test
    void an_upload_cut_off_mid_body_stores_nothing_and_the_bucket_stays_listable() throws Exception {
        Path home = Files.createTempDirectory("whole-uploads");
        S3StandIn s3 = S3StandIn.start(home, Ports.resolve(0, S3StandIn.SERVER), BUCKET);
        try (S3Client client = client(s3)) {
            String prefix = "uploads/" + UUID.randomUUID() + "/";
            client.putObject(r -> r.bucket(BUCKET).key(prefix + "whole.pdf"), RequestBody.fromString("whole"));

            try (Socket socket = new Socket(Ports.LOOPBACK, s3.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("PUT /" + BUCKET + "/" + prefix + "cut.pdf HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: 1000000\r\nContent-Type: application/pdf\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[200_000]);
                out.flush();
                // the server is now writing the body somewhere; the client dies without a word
                TimeUnit.MILLISECONDS.sleep(500);
                socket.setSoLinger(true, 0);
            }

            List<String> listed = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                listed = client.listObjectsV2(r -> r.bucket(BUCKET).prefix(prefix)).contents().stream()
                        .map(S3Object::key).toList();
                TimeUnit.MILLISECONDS.sleep(100);
            }
            assertThat(listed).containsExactly(prefix + "whole.pdf");
            assertThat(WholeUploadsBlobStore.unfinished(home.resolve("s3"))).isEmpty();
        } finally {
            s3.close();
            Directories.deleteRecursively(home);
        }
    }

    @Test
    void what_a_stand_in_killed_mid_upload_left_is_removed_when_it_starts_again() throws Exception {
        Path home = Files.createTempDirectory("whole-uploads");
        int port = Ports.resolve(0, S3StandIn.SERVER);
        S3StandIn s3 = S3StandIn.start(home, port, BUCKET);
        try (S3Client client = client(s3)) {
            client.putObject(r -> r.bucket(BUCKET).key("uploads/kept.pdf"), RequestBody.fromString("kept"));
        } finally {
            s3.close();
        }
        // the store's own file in progress, as a SIGKILL between its write and its rename leaves it
        Path left = home.resolve("s3").resolve(BUCKET).resolve("uploads").resolve("half.pdf-" + UUID.randomUUID());
        Files.writeString(left, "half");
        Path incoming = Files.writeString(home.resolve("s3-incoming").resolve("upload-1.part"), "half");
        assertThat(WholeUploadsBlobStore.unfinished(home.resolve("s3"))).containsExactly(left);

        s3 = S3StandIn.start(home, port, BUCKET);
        try (S3Client client = client(s3)) {
            assertThat(client.listObjectsV2(r -> r.bucket(BUCKET)).contents()).extracting(S3Object::key)
                    .containsExactly("uploads/kept.pdf");
            assertThat(client.getObjectAsBytes(r -> r.bucket(BUCKET).key("uploads/kept.pdf")).asUtf8String())
                    .isEqualTo("kept");
            assertThat(left).doesNotExist();
            assertThat(incoming).doesNotExist();
        } finally {
            s3.close();
            Directories.deleteRecursively(home);
        }
    }

    private static S3Client client(S3StandIn s3) {
        return Clients.s3(s3.endpoint());
    }
}
