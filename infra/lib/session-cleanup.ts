import * as path from 'node:path';
import * as cfninc from 'aws-cdk-lib/cloudformation-include';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** The existing template (docs/maintenance.md), folded in unchanged: the schedule is the one defined there. */
export const SESSION_CLEANUP_TEMPLATE = path.resolve(__dirname, '..', 'eventbridge-session-cleanup.yaml');

export interface SessionCleanupProps {
  readonly maintenanceQueue: sqs.IQueue;
}

export class SessionCleanup extends Construct {
  readonly template: cfninc.CfnInclude;

  constructor(scope: Construct, id: string, props: SessionCleanupProps) {
    super(scope, id);
    if (props.maintenanceQueue.encryptionMasterKey) {
      throw new Error('the maintenance queue uses a customer KMS key: pass QueueKmsKeyArn to the session-cleanup template');
    }
    this.template = new cfninc.CfnInclude(this, 'Template', {
      templateFile: SESSION_CLEANUP_TEMPLATE,
      parameters: {
        MaintenanceQueueName: props.maintenanceQueue.queueName,
        // SSE-SQS: no customer key, so QueueKmsKeyArn keeps its default ""
      },
    });
  }
}
