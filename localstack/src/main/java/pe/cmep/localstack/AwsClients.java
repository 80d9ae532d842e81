package pe.cmep.localstack;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** AWS SDK clients pointed at a stand-in, configured as the services configure theirs. */
final class AwsClients {

    // the stand-ins accept any credentials; the SDK only needs some to sign with
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("cmep", "cmep"));

    private AwsClients() {
    }

    static SqsClient sqs(String endpoint) {
        return SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(SqsStandIn.REGION))
                .credentialsProvider(CREDENTIALS)
                .build();
    }

    /** Path-style, as the services' S3 client in the local and test profiles: no bucket-named hosts to resolve. */
    static S3Client s3(String endpoint) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(SqsStandIn.REGION))
                .credentialsProvider(CREDENTIALS)
                .forcePathStyle(true)
                .build();
    }
}
