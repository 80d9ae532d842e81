package pe.cmep.platform.aws;

import io.awspring.cloud.autoconfigure.s3.S3ClientCustomizer;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The SDK's default CRC32 request checksums are unknown to S3-compatible stand-ins
 * (S3Proxy, older LocalStack); asking for them only when an operation requires it
 * works against real S3 as well.
 */
public class S3ChecksumCustomizer implements S3ClientCustomizer {

    @Override
    public void customize(S3ClientBuilder builder) {
        builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
}
