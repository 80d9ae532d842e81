package pe.cmep.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

class BucketIT {

    private static final StandIns STAND_INS = StandIns.shared();
    private static final String BUCKET = STAND_INS.resources().bucket();
    private static S3Client s3;

    @BeforeAll
    static void client() {
        s3 = Clients.s3(STAND_INS);
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    @Test
    void bucket_exists_on_start() {
        assertThat(s3.listBuckets().buckets()).anyMatch(bucket -> bucket.name().equals(BUCKET));
    }

    @Test
    void bucket_round_trips_bytes_through_the_s3_api() {
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        String key = "uploads/" + UUID.randomUUID() + "/scan.pdf";

        s3.putObject(r -> r.bucket(BUCKET).key(key).contentType("application/pdf"), RequestBody.fromBytes(bytes));

        assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asByteArray()).isEqualTo(bytes);
        HeadObjectResponse head = s3.headObject(r -> r.bucket(BUCKET).key(key));
        assertThat(head.contentLength()).isEqualTo(bytes.length);
        assertThat(head.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void deleted_object_is_gone() {
        String key = "uploads/" + UUID.randomUUID();
        s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString("short-lived"));

        s3.deleteObject(r -> r.bucket(BUCKET).key(key));

        assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void listing_a_prefix_returns_the_objects_under_it() {
        String prefix = "uploads/" + UUID.randomUUID() + "/";
        s3.putObject(r -> r.bucket(BUCKET).key(prefix + "a.png"), RequestBody.fromString("a"));
        s3.putObject(r -> r.bucket(BUCKET).key(prefix + "b.png"), RequestBody.fromString("b"));

        assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET).prefix(prefix)).contents())
                .extracting(S3Object::key)
                .containsExactly(prefix + "a.png", prefix + "b.png");
    }

    @Test
    void s3_restart_on_same_port_keeps_objects() {
        String key = "uploads/" + UUID.randomUUID();
        s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString("kept"));

        STAND_INS.stopS3();
        try {
            assertThatThrownBy(() -> s3.headObject(r -> r.bucket(BUCKET).key(key)))
                    .isInstanceOf(SdkClientException.class);
        } finally {
            STAND_INS.startS3();
        }

        assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String()).isEqualTo("kept");
    }
}
