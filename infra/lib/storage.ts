import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface StorageProps {
  /** cmep.aws.bucket of cmep-aws-resources.properties. */
  readonly bucketPrefix: string;
}

/** The prefix under which the services read and write objects (ArchivoService.UPLOAD_PREFIX, FilesBucket.UPLOADS). */
export const UPLOADS_PREFIX = 'uploads/';

/**
 * Buckets. Encryption is SSE-S3 everywhere: the ALB can only write access logs to SSE-S3 buckets, and for the files
 * bucket a customer KMS key would add $1/month plus a KMS call per object read/write and a key policy to maintain,
 * for no control we need (access is already limited by IAM to the two services' task roles).
 */
export class Storage extends Construct {
  /** Access logs of the other buckets, the ALB and CloudFront, and VPC flow logs; expires after 90 days. */
  readonly logsBucket: s3.Bucket;
  /** The uploaded files, under uploads/. */
  readonly filesBucket: s3.Bucket;
  /** The built SPA, read only by CloudFront (OAC). */
  readonly spaBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.logsBucket = new s3.Bucket(this, 'Logs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront standard logging writes with an ACL grant, which needs ACLs enabled (owner preferred)
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.filesBucket = new s3.Bucket(this, 'Files', {
      // globally unique: <cmep.aws.bucket>-<account>-<region>; the services get it as S3_BUCKET
      bucketName: `${props.bucketPrefix}-${stack.account}-${stack.region}`,
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // no versioning: an upload is verified by the file-worker, which deletes rejected and orphaned objects on
      // purpose; versioning would keep every deleted object (and bill it) unless expired again. Backups of the
      // metadata are in RDS; the objects themselves are replaceable by re-upload.
      versioned: false,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 's3-access/files/',
      lifecycleRules: [{ id: 'abort-incomplete-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.spaBucket = new s3.Bucket(this, 'Spa', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 's3-access/spa/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
