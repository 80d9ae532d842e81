package pe.cmep.file.limpieza;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import pe.cmep.file.BucketProbe;
import pe.cmep.file.FileWorkerIntegrationTest;
import pe.cmep.platform.aws.AwsResourceProperties;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class OrphanSweeperIT extends FileWorkerIntegrationTest {

    @Autowired
    OrphanSweeper sweeper;

    @Autowired
    S3Client s3;

    @Autowired
    AwsResourceProperties aws;

    @Autowired
    DatabaseClient db;

    private String put() {
        String key = "uploads/" + UUID.randomUUID().toString().replace("-", "") + ".pdf";
        s3.putObject(b -> b.bucket(aws.bucket()).key(key), RequestBody.fromString("%PDF-1.7"));
        return key;
    }

    @Test
    void old_objects_without_a_row_are_removed_and_those_with_a_row_or_too_young_are_kept() throws Exception {
        String orphan = put();
        String owned = put();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        db.sql("INSERT INTO archivos (nombre_original, nombre_storage, tipo, mime_type, tamano_bytes, storage_path, "
                        + "estado_verificacion, created_at, updated_at) VALUES ('a.pdf', 'x.pdf', 'OTROS', "
                        + "'application/pdf', 8, :key, 'PENDIENTE', :now, :now)")
                .bind("key", owned).bind("now", now).then().block();
        // older than the test profile's minimum age (2 s); S3Proxy keeps modification times in whole seconds
        Thread.sleep(3500);
        String young = put();

        int removed = sweeper.sweep().block();

        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(new BucketProbe(s3, aws.bucket()).exists(orphan)).isFalse();
        assertThat(new BucketProbe(s3, aws.bucket()).exists(owned)).isTrue();
        assertThat(new BucketProbe(s3, aws.bucket()).exists(young)).isTrue();
    }
}
