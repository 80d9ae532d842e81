package pe.cmep.file;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import pe.cmep.platform.aws.AwsResourceProperties;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;

/** DOWN while the files bucket cannot be reached: the worker could neither verify nor delete objects. */
@Component("bucketHealthIndicator")
class BucketHealthIndicator extends AbstractHealthIndicator {

    private final S3Client s3;
    private final String bucket;

    BucketHealthIndicator(S3Client s3, AwsResourceProperties resources) {
        super("Bucket check failed");
        this.s3 = s3;
        this.bucket = resources.bucket();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        s3.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
        builder.up().withDetail("bucket", bucket);
    }
}
