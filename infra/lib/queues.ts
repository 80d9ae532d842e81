import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AwsResourceNames, QUEUE_ROLES, QueueRole } from './aws-resources';

/** The same as pe.cmep.localstack.QueueProvisioner.VISIBILITY_TIMEOUT_SECONDS and init-aws.sh. */
export const VISIBILITY_TIMEOUT_SECONDS = 30;
export const DLQ_RETENTION_DAYS = 14;

export interface QueuePair {
  readonly queue: sqs.Queue;
  readonly dlq: sqs.Queue;
}

/**
 * Exactly the queues of cmep-aws-resources.properties, each with its dead-letter queue, mirroring the local
 * provisioning (QueueProvisioner / init-aws.sh): FIFO with ContentBasedDeduplication=false for *.fifo,
 * visibility 30 s, redrive after cmep.aws.dlq-max-receive-count receives. SSE-SQS (no KMS key to pay for or to
 * grant; the session-cleanup template then needs no QueueKmsKeyArn), TLS-only queue policies.
 */
export class Queues extends Construct {
  readonly byRole: Readonly<Record<QueueRole, QueuePair>>;

  constructor(scope: Construct, id: string, names: AwsResourceNames) {
    super(scope, id);
    const byRole = {} as Record<QueueRole, QueuePair>;
    for (const role of QUEUE_ROLES) {
      const spec = names.queues[role];
      const common: sqs.QueueProps = {
        fifo: spec.fifo ? true : undefined,
        contentBasedDeduplication: spec.fifo ? false : undefined,
        visibilityTimeout: Duration.seconds(VISIBILITY_TIMEOUT_SECONDS),
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
      };
      const dlq = new sqs.Queue(this, `${role}-dlq`, {
        ...common,
        queueName: spec.dlqName,
        retentionPeriod: Duration.days(DLQ_RETENTION_DAYS),
      });
      const queue = new sqs.Queue(this, role, {
        ...common,
        queueName: spec.name,
        deadLetterQueue: { queue: dlq, maxReceiveCount: names.dlqMaxReceiveCount },
      });
      byRole[role] = { queue, dlq };
    }
    this.byRole = byRole;
  }
}
