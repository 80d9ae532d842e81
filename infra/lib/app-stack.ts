import { CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { AwsResourceNames } from './aws-resources';
import { CmepConfig, frontendDistExists } from './config';
import { Database } from './database';
import { Frontend } from './frontend';
import { Monitoring } from './monitoring';
import { applyAppStackSuppressions } from './nag-suppressions';
import { Network } from './network';
import { Queues } from './queues';
import { Services } from './services';
import { SessionCleanup } from './session-cleanup';
import { Storage } from './storage';

export interface AppStackProps extends StackProps {
  readonly config: CmepConfig;
  readonly resources: AwsResourceNames;
}

/**
 * cmep-<env>-app: everything but the image repositories. One stack rather than data + app: a split would tie them
 * with CloudFormation exports (a referenced export cannot change while imported), and the stateful resources are
 * protected anyway (RDS deletion protection + snapshot on removal, buckets retained, secrets retained).
 */
export class AppStack extends Stack {
  readonly storage: Storage;
  readonly network: Network;
  readonly queues: Queues;
  readonly database: Database;
  readonly appSecret: secretsmanager.Secret;
  readonly frontend: Frontend;
  readonly services: Services;
  readonly sessionCleanup: SessionCleanup;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const { config, resources } = props;

    this.storage = new Storage(this, 'Storage', { bucketPrefix: resources.bucket });
    this.network = new Network(this, 'Network', { logsBucket: this.storage.logsBucket });
    this.queues = new Queues(this, 'Queues', resources);
    this.database = new Database(this, 'Database', {
      envName: config.envName,
      vpc: this.network.vpc,
      securityGroup: this.network.databaseSecurityGroup,
      multiAz: config.dbMultiAz,
      engine: config.dbEngine,
    });
    this.appSecret = new secretsmanager.Secret(this, 'AppSecret', {
      secretName: `cmep/${config.envName}/app`,
      description: 'CMEP gateway-api application secrets (session signing secret)',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({}),
        generateStringKey: 'session_secret',
        passwordLength: 64,
        excludePunctuation: true,
      },
    });
    this.frontend = new Frontend(this, 'Frontend', {
      envName: config.envName,
      appDomain: config.appDomain,
      apiDomain: config.apiDomain,
      certificateArn: config.cloudFrontCertificateArn,
      spaBucket: this.storage.spaBucket,
      logsBucket: this.storage.logsBucket,
      distDirectory: frontendDistExists(config) ? config.frontendDist : undefined,
    });
    this.services = new Services(this, 'Services', {
      config,
      network: this.network,
      queues: this.queues.byRole,
      filesBucket: this.storage.filesBucket,
      logsBucket: this.storage.logsBucket,
      dbSecret: this.database.secret,
      appSecret: this.appSecret,
    });
    this.sessionCleanup = new SessionCleanup(this, 'SessionCleanup', {
      maintenanceQueue: this.queues.byRole.maintenance.queue,
    });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      config,
      services: this.services,
      queues: this.queues.byRole,
      database: this.database.instance,
    });

    new CfnOutput(this, 'ApiLoadBalancerDns', {
      description: `Point ${config.apiDomain} here (CNAME, or Route 53 alias)`,
      value: this.services.loadBalancer.loadBalancerDnsName,
    });
    new CfnOutput(this, 'SpaDistributionDomain', {
      description: `Point ${config.appDomain} here (CNAME, or Route 53 alias)`,
      value: this.frontend.distribution.distributionDomainName,
    });
    new CfnOutput(this, 'FilesBucketName', { value: this.storage.filesBucket.bucketName });
    new CfnOutput(this, 'SpaBucketName', { value: this.storage.spaBucket.bucketName });
    new CfnOutput(this, 'DbSecretArn', { value: this.database.secret.secretArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn });

    applyAppStackSuppressions(this);
  }
}
