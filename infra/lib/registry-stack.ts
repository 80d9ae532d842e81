import { RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { Construct } from 'constructs';
import { applyRegistryStackSuppressions } from './nag-suppressions';
import { SERVICES } from './service-catalog';

/** Kept images per repository: enough to roll back a few releases, small enough to cost cents. */
export const KEPT_IMAGES = 20;

/**
 * cmep-<env>-registry: the three image repositories. Deployed before the app stack so the images can be pushed
 * (Jib) before the ECS services that run them exist. The app stack imports the repositories by name, so this stack
 * exports nothing and either can change without the other being blocked by a CloudFormation export.
 */
export class RegistryStack extends Stack {
  readonly repositories: ecr.Repository[];

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.repositories = SERVICES.map((s) => new ecr.Repository(this, `Repo-${s.name}`, {
      repositoryName: s.repositoryName,
      imageScanOnPush: true,
      imageTagMutability: ecr.TagMutability.IMMUTABLE,
      encryption: ecr.RepositoryEncryption.AES_256,
      // images are rebuilt from git; but deleting the stack must not delete what running tasks pull
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{
        description: `keep the last ${KEPT_IMAGES} images`,
        rulePriority: 1,
        tagStatus: ecr.TagStatus.ANY,
        maxImageCount: KEPT_IMAGES,
      }],
    }));
    applyRegistryStackSuppressions(this);
  }
}
