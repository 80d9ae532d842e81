import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { QueueRole } from './aws-resources';
import { CmepConfig } from './config';
import { containerHealthCheck } from './health-check';
import { METRICS_NAMESPACE } from './metric-names';
import { Network } from './network';
import { QueuePair } from './queues';
import { FILE_WORKER, GATEWAY, ServiceSpec, WORKFLOW_WORKER } from './service-catalog';
import { UPLOADS_PREFIX } from './storage';

export interface ServicesProps {
  readonly config: CmepConfig;
  readonly network: Network;
  readonly queues: Readonly<Record<QueueRole, QueuePair>>;
  readonly filesBucket: s3.IBucket;
  readonly logsBucket: s3.IBucket;
  readonly dbSecret: secretsmanager.ISecret;
  readonly appSecret: secretsmanager.ISecret;
}

export interface CmepService {
  readonly spec: ServiceSpec;
  readonly service: ecs.FargateService;
  readonly taskRole: iam.Role;
  readonly logGroup: logs.LogGroup;
}

/** SQS actions of a consumer (Spring Cloud AWS listener container: receive, delete, extend/reset visibility). */
export const CONSUME_ACTIONS = [
  'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueUrl', 'sqs:GetQueueAttributes',
];
/** SQS actions of the outbox relay (SendMessageBatch is authorized as sqs:SendMessage). */
export const SEND_ACTIONS = ['sqs:SendMessage', 'sqs:GetQueueUrl', 'sqs:GetQueueAttributes'];
/** QueueMonitor: depth of the DLQs. */
export const MONITOR_ACTIONS = ['sqs:GetQueueUrl', 'sqs:GetQueueAttributes'];

/**
 * The ECS cluster and the three Fargate services.
 *
 * Why ECS Fargate for the gateway too, not App Runner: the gateway hosts the outbox relay (a poller that publishes
 * committed events to SQS every 200 ms) and pushes its metrics to CloudWatch every minute. App Runner throttles a
 * service's CPU to almost nothing between requests, so at night event publication (and the outbox-age metric)
 * would stall until the next HTTP request. Fargate gives the task its CPU all the time.
 */
export class Services extends Construct {
  readonly cluster: ecs.Cluster;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  readonly gateway: CmepService;
  readonly workflowWorker: CmepService;
  readonly fileWorker: CmepService;
  private readonly config: CmepConfig;

  constructor(scope: Construct, id: string, props: ServicesProps) {
    super(scope, id);
    const { config, network, queues } = props;
    this.config = config;
    const stack = Stack.of(this);

    this.cluster = new ecs.Cluster(this, 'Cluster', {
      clusterName: `cmep-${config.envName}`,
      vpc: network.vpc,
      // off: Container Insights bills ~20+ custom metrics per service; AWS/ECS CPU and memory per service (free) and
      // the app's own metrics cover the dashboard and alarms
      containerInsightsV2: ecs.ContainerInsights.DISABLED,
      enableFargateCapacityProviders: config.workersOnSpot,
    });

    const commonEnv: Record<string, string> = {
      // prod settings + the aws profile, under which each service reads its secrets itself (decision 33)
      SPRING_PROFILES_ACTIVE: 'prod,aws',
      APP_ENV: config.envName,
      AWS_REGION: stack.region,
      S3_BUCKET: props.filesBucket.bucketName,
      // the services read the secret themselves at startup (Spring Cloud AWS config import, task role); only its id
      // is configuration
      CMEP_DB_SECRET_ID: props.dbSecret.secretArn,
    };

    // ---- task roles: least privilege, written out action by action (no grant* helpers that add more) ----
    const metricsStatement = () => new iam.PolicyStatement({
      sid: 'PutAppMetrics',
      actions: ['cloudwatch:PutMetricData'],
      resources: ['*'], // PutMetricData has no resource type; the namespace condition is what restricts it
      conditions: { StringEquals: { 'cloudwatch:namespace': METRICS_NAMESPACE } },
    });
    const secretsStatement = (...secrets: secretsmanager.ISecret[]) => new iam.PolicyStatement({
      sid: 'ReadOwnSecrets',
      actions: ['secretsmanager:GetSecretValue'],
      resources: secrets.map((s) => s.secretArn),
    });
    // a worker consumes its queues and watches the depth of their dead-letter queues (QueueMonitor)
    const consumerStatements = (...pairs: QueuePair[]) => [
      new iam.PolicyStatement({
        sid: 'ConsumeQueues',
        actions: CONSUME_ACTIONS,
        resources: pairs.map((p) => p.queue.queueArn),
      }),
      new iam.PolicyStatement({
        sid: 'MonitorDeadLetterQueues',
        actions: MONITOR_ACTIONS,
        resources: pairs.map((p) => p.dlq.queueArn),
      }),
    ];
    const uploadsArn = props.filesBucket.arnForObjects(`${UPLOADS_PREFIX}*`);

    const gatewayRole = this.taskRole(GATEWAY, [
      new iam.PolicyStatement({
        sid: 'OutboxRelayPublish',
        actions: SEND_ACTIONS,
        resources: [queues['solicitud-events'].queue.queueArn, queues['file-events'].queue.queueArn],
      }),
      // ArchivoStorage: putObject, getObject, deleteObject under uploads/
      new iam.PolicyStatement({
        sid: 'UploadsReadWrite',
        actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
        resources: [uploadsArn],
      }),
      secretsStatement(props.dbSecret, props.appSecret),
      metricsStatement(),
    ]);
    const workflowRole = this.taskRole(WORKFLOW_WORKER, [
      ...consumerStatements(queues['solicitud-events'], queues.maintenance),
      // no sqs:SendMessage on the maintenance queue: in prod the worker's own sender is off and EventBridge
      // Scheduler sends (infra/eventbridge-session-cleanup.yaml)
      secretsStatement(props.dbSecret),
      metricsStatement(),
    ]);
    const fileRole = this.taskRole(FILE_WORKER, [
      ...consumerStatements(queues['file-events']),
      // FilesBucket: getObject (inspect), deleteObject (rejected and orphaned uploads)
      new iam.PolicyStatement({
        sid: 'UploadsReadDelete',
        actions: ['s3:GetObject', 's3:DeleteObject'],
        resources: [uploadsArn],
      }),
      // FilesBucket.uploadsOlderThan: listObjectsV2(prefix uploads/); BucketHealthIndicator: headBucket, which is
      // authorized as s3:ListBucket and carries no prefix: hence StringLikeIfExists, not StringLike
      new iam.PolicyStatement({
        sid: 'ListUploads',
        actions: ['s3:ListBucket'],
        resources: [props.filesBucket.bucketArn],
        conditions: { StringLikeIfExists: { 's3:prefix': [`${UPLOADS_PREFIX}*`] } },
      }),
      secretsStatement(props.dbSecret),
      metricsStatement(),
    ]);

    // ---- services ----
    this.gateway = this.service(GATEWAY, gatewayRole, network.serviceSecurityGroup(GATEWAY.name), {
      ...commonEnv,
      CMEP_APP_SECRET_ID: props.appSecret.secretArn,
      COOKIE_DOMAIN: config.cookieDomain,
      CORS_ORIGINS: `https://${config.appDomain}`,
    }, false);
    this.workflowWorker = this.service(WORKFLOW_WORKER, workflowRole,
      network.serviceSecurityGroup(WORKFLOW_WORKER.name), commonEnv, config.workersOnSpot);
    this.fileWorker = this.service(FILE_WORKER, fileRole,
      network.serviceSecurityGroup(FILE_WORKER.name), commonEnv, config.workersOnSpot);

    // ---- ALB in front of the gateway only ----
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'Alb', {
      loadBalancerName: `cmep-${config.envName}-api`,
      vpc: network.vpc,
      internetFacing: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      securityGroup: network.albSecurityGroup,
      dropInvalidHeaderFields: true,
      idleTimeout: Duration.seconds(60),
    });
    this.loadBalancer.logAccessLogs(props.logsBucket, 'alb');
    const https = this.loadBalancer.addListener('Https', {
      port: 443,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [elbv2.ListenerCertificate.fromArn(config.apiCertificateArn)],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      open: false, // the ingress rules are in Network.albSecurityGroup
    });
    this.loadBalancer.addRedirect({ sourcePort: 80, targetPort: 443, open: false });
    this.targetGroup = https.addTargets('Gateway', {
      targetGroupName: `cmep-${config.envName}-gateway`,
      port: GATEWAY.port,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.gateway.service.loadBalancerTarget({
        containerName: GATEWAY.name, containerPort: GATEWAY.port,
      })],
      deregistrationDelay: Duration.seconds(30),
      healthCheck: {
        path: GATEWAY.healthPath,
        port: String(GATEWAY.port),
        healthyHttpCodes: '200',
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
    });
  }

  private taskRole(spec: ServiceSpec, statements: iam.PolicyStatement[]): iam.Role {
    const stack = Stack.of(this);
    const role = new iam.Role(this, `${spec.name}-task-role`, {
      description: `CMEP ${spec.name} task role: exactly the AWS calls the service makes`,
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com', {
        conditions: {
          ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:ecs:${stack.region}:${stack.account}:*` },
          StringEquals: { 'aws:SourceAccount': stack.account },
        },
      }),
    });
    statements.forEach((s) => role.addToPolicy(s));
    return role;
  }

  private service(spec: ServiceSpec, taskRole: iam.Role, securityGroup: ec2.SecurityGroup,
    environment: Record<string, string>, spot: boolean): CmepService {
    const config = this.config;
    const logGroup = new logs.LogGroup(this, `${spec.name}-logs`, {
      logGroupName: `/cmep/${config.envName}/${spec.name}`,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const taskDefinition = new ecs.FargateTaskDefinition(this, `${spec.name}-task`, {
      family: `cmep-${config.envName}-${spec.name}`,
      cpu: 256,
      memoryLimitMiB: 512,
      // the Jib images are built for amd64; ARM64 (Graviton, ~20% cheaper) needs multi-arch images first
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.X86_64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
      taskRole,
    });
    const repository = ecr.Repository.fromRepositoryName(this, `${spec.name}-repo`, spec.repositoryName);
    taskDefinition.addContainer(spec.name, {
      containerName: spec.name,
      image: ecs.ContainerImage.fromEcrRepository(repository, config.imageTag),
      essential: true,
      // JAVA_TOOL_OPTIONS (heap sizing) is set in the image; not here
      environment,
      logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: spec.name }),
      healthCheck: containerHealthCheck(spec),
      portMappings: spec === GATEWAY ? [{ containerPort: spec.port, protocol: ecs.Protocol.TCP }] : [],
      readonlyRootFilesystem: false,
      stopTimeout: Duration.seconds(30), // graceful shutdown (server.shutdown: graceful)
    });
    const service = new ecs.FargateService(this, `${spec.name}-service`, {
      // a fixed name, so the runbook's commands (./cmep aws ...) find the service without reading the stack
      serviceName: `cmep-${config.envName}-${spec.name}`,
      cluster: this.cluster,
      taskDefinition,
      desiredCount: config.desiredCount,
      assignPublicIp: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      securityGroups: [securityGroup],
      circuitBreaker: { enable: true, rollback: true },
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      healthCheckGracePeriod: spec === GATEWAY ? Duration.seconds(120) : undefined,
      enableECSManagedTags: true,
      propagateTags: ecs.PropagatedTagSource.SERVICE,
      capacityProviderStrategies: spot
        ? [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }]
        : undefined,
    });
    return { spec, service, taskRole, logGroup };
  }

}
