import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSUME_ACTIONS, MONITOR_ACTIONS, SEND_ACTIONS } from '../lib/services';
import { DIM, METRIC, METRICS_NAMESPACE } from '../lib/metric-names';
import { asArray, nagFindings, removeTempDirs, resourcesOf, Synthesized, synth } from './helpers';

afterAll(removeTempDirs);

let s: Synthesized;
let id: (c: { node: { defaultChild?: unknown } }) => string;
beforeAll(() => {
  s = synth();
  id = (c) => s.app.getLogicalId(c.node.defaultChild as any);
});

describe('cdk-nag AwsSolutions', () => {
  it('ran on both stacks and left no unacknowledged error or warning', () => {
    // synth() throws on nag errors; warnings only show up in the report
    expect(nagFindings(s.validationReport)).toEqual([]);
  });
});

describe('registry stack', () => {
  it('has the three repositories with scan on push, immutable tags, keep last 20', () => {
    const repos = Object.values(resourcesOf(s.registryTemplate, 'AWS::ECR::Repository'));
    expect(repos.map((r) => r.Properties!.RepositoryName).sort())
      .toEqual(['cmep/file-worker', 'cmep/gateway-api', 'cmep/workflow-worker']);
    for (const r of repos) {
      expect(r.Properties!.ImageScanningConfiguration).toEqual({ ScanOnPush: true });
      expect(r.Properties!.ImageTagMutability).toBe('IMMUTABLE');
      const policy = JSON.parse(r.Properties!.LifecyclePolicy.LifecyclePolicyText);
      expect(policy.rules[0].selection).toMatchObject({ countType: 'imageCountMoreThan', countNumber: 20 });
    }
  });
});

describe('network', () => {
  it('has no NAT gateway, 2 AZs of public + isolated subnets, an S3 gateway endpoint and flow logs', () => {
    s.appTemplate.resourceCountIs('AWS::EC2::NatGateway', 0);
    s.appTemplate.resourceCountIs('AWS::EC2::Subnet', 4);
    s.appTemplate.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      ServiceName: Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith(['.s3'])]) }),
    });
    s.appTemplate.resourceCountIs('AWS::EC2::FlowLog', 1);
  });

  it('runs the services in public subnets with a public IP and admits only the ALB to the gateway', () => {
    const services = Object.values(resourcesOf(s.appTemplate, 'AWS::ECS::Service'));
    expect(services).toHaveLength(3);
    const publicSubnets = s.app.network.vpc.publicSubnets.map((sn) => ({ Ref: s.app.getLogicalId(sn.node.defaultChild as any) }));
    for (const svc of services) {
      const net = svc.Properties!.NetworkConfiguration.AwsvpcConfiguration;
      expect(net.AssignPublicIp).toBe('ENABLED');
      expect(net.Subnets).toEqual(publicSubnets);
    }
    const ingress = Object.values(resourcesOf(s.appTemplate, 'AWS::EC2::SecurityGroupIngress'));
    const gatewaySg = id(s.app.services.gateway.service.connections.securityGroups[0]);
    const albSg = id(s.app.network.albSecurityGroup);
    const dbSg = id(s.app.network.databaseSecurityGroup);
    // standalone ingress rules: ALB -> gateway 8080, and the three services -> DB 3306; nothing else
    const rules = ingress.map((r) => `${JSON.stringify(r.Properties!.SourceSecurityGroupId)}->${r.Properties!.GroupId['Fn::GetAtt'][0]}:${r.Properties!.FromPort}`);
    expect(rules.filter((r) => r.endsWith(`${gatewaySg}:8080`))).toEqual([`{"Fn::GetAtt":["${albSg}","GroupId"]}->${gatewaySg}:8080`]);
    expect(rules.filter((r) => r.includes(`->${dbSg}:`)).length).toBe(3);
    expect(rules.every((r) => r.endsWith(':8080') || r.endsWith(':3306'))).toBe(true);
    const sgs = resourcesOf(s.appTemplate, 'AWS::EC2::SecurityGroup');
    for (const [logicalId, sg] of Object.entries(sgs)) {
      if (logicalId === albSg) {
        expect(sg.Properties!.SecurityGroupIngress.map((r: any) => r.FromPort).sort()).toEqual([443, 80]);
      } else {
        expect(sg.Properties!.SecurityGroupIngress ?? []).toEqual([]);
      }
    }
  });
});

describe('database', () => {
  it('is MySQL 8.4 on db.t4g.micro, 20 GB gp3, encrypted, private, protected, 7-day backups, single-AZ', () => {
    const db = s.appTemplate.findResources('AWS::RDS::DBInstance');
    const [entry] = Object.values(db) as any[];
    expect(entry.Properties).toMatchObject({
      Engine: 'mysql', EngineVersion: '8.4', DBInstanceClass: 'db.t4g.micro', AllocatedStorage: '20',
      StorageType: 'gp3', StorageEncrypted: true, PubliclyAccessible: false, DeletionProtection: true,
      BackupRetentionPeriod: 7, MultiAZ: false, DBName: 'cmep', EnableCloudwatchLogsExports: ['error', 'slowquery'],
    });
    expect(entry.DeletionPolicy).toBe('Snapshot');
    expect(entry.UpdateReplacePolicy).toBe('Snapshot');
    s.appTemplate.hasResourceProperties('AWS::RDS::DBParameterGroup', {
      Parameters: { character_set_server: 'utf8mb4', collation_server: 'utf8mb4_unicode_ci', time_zone: 'UTC' },
    });
    s.appTemplate.hasResourceProperties('AWS::RDS::DBSubnetGroup', {
      SubnetIds: s.app.network.vpc.isolatedSubnets.map((sn) => ({ Ref: s.app.getLogicalId(sn.node.defaultChild as any) })),
    });
  });

  it('generates credentials and the session secret in Secrets Manager', () => {
    s.appTemplate.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ SecretStringTemplate: '{"username":"cmep"}', GenerateStringKey: 'password' }),
    });
    s.appTemplate.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ SecretStringTemplate: '{}', GenerateStringKey: 'session_secret', PasswordLength: 64 }),
    });
  });
});

describe('buckets', () => {
  it('block public access, encrypt, and deny non-TLS access', () => {
    const buckets = resourcesOf(s.appTemplate, 'AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(3);
    for (const b of Object.values(buckets)) {
      expect(b.Properties!.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
      });
      expect(b.Properties!.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault)
        .toEqual({ SSEAlgorithm: 'AES256' });
      expect(b.DeletionPolicy).toBe('Retain');
    }
    const policies = Object.values(resourcesOf(s.appTemplate, 'AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(3);
    for (const p of policies) {
      expect(p.Properties!.PolicyDocument.Statement).toEqual(expect.arrayContaining([expect.objectContaining({
        Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      })]));
    }
  });
});

describe('CloudFront', () => {
  it('serves the SPA over HTTPS from S3 via OAC with the SPA fallback and security headers', () => {
    const [dist] = Object.values(resourcesOf(s.appTemplate, 'AWS::CloudFront::Distribution'));
    const cfg = dist.Properties!.DistributionConfig;
    expect(cfg.Aliases).toEqual(['app.cmep.example.com']);
    expect(cfg.DefaultRootObject).toBe('index.html');
    expect(cfg.ViewerCertificate).toMatchObject({
      AcmCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-1111-1111-1111-111111111111',
      MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only',
    });
    expect(cfg.CustomErrorResponses).toEqual([403, 404].map((code) => expect.objectContaining({
      ErrorCode: code, ResponseCode: 200, ResponsePagePath: '/index.html',
    })));
    expect(cfg.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(cfg.CacheBehaviors).toHaveLength(1);
    expect(cfg.CacheBehaviors[0]).toMatchObject({ PathPattern: '/assets/*', ViewerProtocolPolicy: 'redirect-to-https' });
    expect(cfg.Origins[0].OriginAccessControlId).toBeDefined();
    expect(cfg.Origins[0].S3OriginConfig.OriginAccessIdentity).toBe('');
    s.appTemplate.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
  });

  it('caches index.html briefly and /assets/* for a year, with HSTS, nosniff, DENY and a CSP for the API', () => {
    const policies = Object.values(resourcesOf(s.appTemplate, 'AWS::CloudFront::CachePolicy'))
      .map((p) => p.Properties!.CachePolicyConfig);
    expect(policies.find((p) => p.Name === 'cmep-prod-spa-html')).toMatchObject({ DefaultTTL: 0, MaxTTL: 60 });
    expect(policies.find((p) => p.Name === 'cmep-prod-spa-assets')).toMatchObject({ DefaultTTL: 31536000 });
    const headers = Object.values(resourcesOf(s.appTemplate, 'AWS::CloudFront::ResponseHeadersPolicy'))
      .map((p) => p.Properties!.ResponseHeadersPolicyConfig);
    expect(headers).toHaveLength(2);
    for (const h of headers) {
      const sec = h.SecurityHeadersConfig;
      expect(sec.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31536000);
      expect(sec.ContentTypeOptions.Override).toBe(true);
      expect(sec.FrameOptions.FrameOption).toBe('DENY');
      expect(sec.ContentSecurityPolicy.ContentSecurityPolicy).toContain("connect-src 'self' https://api.cmep.example.com");
    }
    const cacheControl = (name: string) => headers.find((h) => h.Name === name).CustomHeadersConfig.Items[0];
    expect(cacheControl('cmep-prod-spa-html')).toMatchObject({ Header: 'Cache-Control', Value: 'no-cache' });
    expect(cacheControl('cmep-prod-spa-assets').Value).toContain('immutable');
  });

  it('deploys ../frontend/dist with an invalidation when it exists', () => {
    s.appTemplate.hasResourceProperties('Custom::CDKBucketDeployment', {
      DistributionPaths: ['/*'],
      DestinationBucketName: { Ref: id(s.app.storage.spaBucket) },
    });
  });
});

describe('queues', () => {
  it('are FIFO where named .fifo, no content-based dedup, 30 s visibility, SSE-SQS, TLS only; DLQs keep 14 days', () => {
    const queues = Object.values(resourcesOf(s.appTemplate, 'AWS::SQS::Queue'));
    for (const q of queues) {
      const p = q.Properties!;
      expect(p.VisibilityTimeout).toBe(30);
      expect(p.SqsManagedSseEnabled).toBe(true);
      if (p.QueueName.endsWith('.fifo')) {
        expect(p.FifoQueue).toBe(true);
        expect(p.ContentBasedDeduplication).toBe(false);
      } else {
        expect(p.FifoQueue).toBeUndefined();
      }
      if (p.QueueName.includes('-dlq')) {
        expect(p.MessageRetentionPeriod).toBe(14 * 24 * 3600);
        expect(p.RedrivePolicy).toBeUndefined();
      } else {
        expect(p.RedrivePolicy.maxReceiveCount).toBe(5);
      }
    }
    const queuePolicies = Object.values(resourcesOf(s.appTemplate, 'AWS::SQS::QueuePolicy'));
    expect(queuePolicies).toHaveLength(6);
    for (const p of queuePolicies) {
      expect(p.Properties!.PolicyDocument.Statement[0]).toMatchObject({
        Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      });
    }
  });
});

describe('session clean-up schedule (folded-in template)', () => {
  it('sends to the maintenance queue every 6 hours with the role of the template', () => {
    const schedules = resourcesOf(s.appTemplate, 'AWS::Scheduler::Schedule');
    expect(Object.keys(schedules)).toEqual(['SessionCleanupSchedule']);
    const sched = schedules.SessionCleanupSchedule.Properties!;
    expect(sched.ScheduleExpression).toEqual({ Ref: 'ScheduleExpression' });
    expect(s.appTemplate.toJSON().Parameters.ScheduleExpression.Default).toBe('rate(6 hours)');
    // CfnInclude keeps the template's short GetAtt form
    expect(sched.Target.RoleArn).toEqual({ 'Fn::GetAtt': 'SessionCleanupSchedulerRole.Arn' });
    const maintenance = id(s.app.queues.byRole.maintenance.queue);
    expect(sched.Target.Arn['Fn::Sub'][1]).toEqual({ MaintenanceQueueName: { 'Fn::GetAtt': [maintenance, 'QueueName'] } });
    const role = resourcesOf(s.appTemplate, 'AWS::IAM::Role').SessionCleanupSchedulerRole.Properties!;
    expect(role.Policies[0].PolicyDocument.Statement[0].Action).toBe('sqs:SendMessage');
    // no customer key: the template's QueueKmsKeyArn stays ""
    expect(s.appTemplate.toJSON().Parameters.QueueKmsKeyArn.Default).toBe('');
  });
});

describe('ECS services', () => {
  const containers = () => Object.values(resourcesOf(s.appTemplate, 'AWS::ECS::TaskDefinition'))
    .map((td) => ({ td: td.Properties!, c: td.Properties!.ContainerDefinitions[0] }));

  it('run 0.25 vCPU / 0.5 GB x86_64 tasks from ECR at imageTag with 30-day logs', () => {
    for (const { td, c } of containers()) {
      expect(td.Cpu).toBe('256');
      expect(td.Memory).toBe('512');
      expect(td.RuntimePlatform).toEqual({ CpuArchitecture: 'X86_64', OperatingSystemFamily: 'LINUX' });
      expect(JSON.stringify(c.Image)).toMatch(/cmep\/(gateway-api|workflow-worker|file-worker):0\.1\.0/);
      expect(c.LogConfiguration.LogDriver).toBe('awslogs');
    }
    const logGroups = Object.values(resourcesOf(s.appTemplate, 'AWS::Logs::LogGroup'))
      .filter((g) => String(g.Properties!.LogGroupName).startsWith('/cmep/'));
    expect(logGroups.map((g) => g.Properties!.RetentionInDays)).toEqual([30, 30, 30]);
  });

  it('have the HealthProbe container health check on each service port', () => {
    const expected: Record<string, string> = {
      'gateway-api': 'http://127.0.0.1:8080/health',
      'workflow-worker': 'http://127.0.0.1:8082/actuator/health/liveness',
      'file-worker': 'http://127.0.0.1:8083/actuator/health/liveness',
    };
    for (const { c } of containers()) {
      expect(c.HealthCheck).toEqual({
        Command: ['CMD', 'java', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xmx24m', '-Xss256k', '-cp',
          '/app/classes:/app/resources:/app/libs/*', 'pe.cmep.platform.health.HealthProbe', expected[c.Name]],
        Interval: 30, Timeout: 10, Retries: 3, StartPeriod: 90,
      });
    }
  });

  it('deploy with circuit-breaker rollback and desiredCount 1', () => {
    for (const svc of Object.values(resourcesOf(s.appTemplate, 'AWS::ECS::Service'))) {
      expect(svc.Properties!.DesiredCount).toBe(1);
      expect(svc.Properties!.DeploymentConfiguration.DeploymentCircuitBreaker).toEqual({ Enable: true, Rollback: true });
      expect(svc.Properties!.LaunchType).toBe('FARGATE');
    }
  });

  it('have the fixed names the runbook commands use (cluster cmep-<env>, service cmep-<env>-<name>)', () => {
    const names = Object.values(resourcesOf(s.appTemplate, 'AWS::ECS::Service')).map((svc) => svc.Properties!.ServiceName);
    expect(names.sort()).toEqual(['cmep-prod-file-worker', 'cmep-prod-gateway-api', 'cmep-prod-workflow-worker']);
    s.appTemplate.hasResourceProperties('AWS::ECS::Cluster', { ClusterName: 'cmep-prod' });
  });

  it('get configuration but no secret values in the environment', () => {
    const byName = Object.fromEntries(containers().map(({ c }) => [c.Name, c]));
    const env = (name: string) => Object.fromEntries(byName[name].Environment.map((e: any) => [e.Name, e.Value]));
    const dbSecret = { Ref: id(s.app.database.instance.node.findChild('Secret').node.findChild('Attachment') as any) };
    expect(env('gateway-api')).toEqual({
      SPRING_PROFILES_ACTIVE: 'prod,aws', APP_ENV: 'prod', AWS_REGION: 'us-east-1',
      S3_BUCKET: { Ref: id(s.app.storage.filesBucket) },
      CMEP_DB_SECRET_ID: dbSecret,
      CMEP_APP_SECRET_ID: { Ref: id(s.app.appSecret) },
      COOKIE_DOMAIN: 'cmep.example.com',
      CORS_ORIGINS: 'https://app.cmep.example.com',
    });
    for (const worker of ['workflow-worker', 'file-worker']) {
      expect(env(worker)).toEqual({
        SPRING_PROFILES_ACTIVE: 'prod,aws', APP_ENV: 'prod', AWS_REGION: 'us-east-1',
        S3_BUCKET: { Ref: id(s.app.storage.filesBucket) }, CMEP_DB_SECRET_ID: dbSecret,
      });
    }
    for (const { c } of containers()) {
      expect(c.Secrets).toBeUndefined();
      for (const e of c.Environment) {
        expect(e.Name).not.toMatch(/PASS|TOKEN|^SESSION_SECRET$|JAVA_TOOL_OPTIONS/);
        expect(JSON.stringify(e.Value)).not.toMatch(/resolve:secretsmanager|SecretString/);
      }
    }
  });

  it('put the gateway behind an internet-facing ALB: 443 with the API certificate, 80 redirects', () => {
    s.appTemplate.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
        { Key: 'access_logs.s3.enabled', Value: 'true' },
      ]),
    });
    s.appTemplate.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443, Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/22222222-2222-2222-2222-222222222222' }],
    });
    s.appTemplate.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80, Protocol: 'HTTP',
      DefaultActions: [Match.objectLike({ Type: 'redirect', RedirectConfig: Match.objectLike({ Port: '443', Protocol: 'HTTPS' }) })],
    });
    s.appTemplate.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Port: 8080, HealthCheckPath: '/health', Matcher: { HttpCode: '200' },
      TargetGroupAttributes: Match.arrayWith([{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }]),
    });
    const services = Object.values(resourcesOf(s.appTemplate, 'AWS::ECS::Service'));
    expect(services.filter((x) => (x.Properties!.LoadBalancers ?? []).length > 0).map((x) => x.Properties!.LoadBalancers))
      .toEqual([[expect.objectContaining({ ContainerName: 'gateway-api', ContainerPort: 8080 })]]);
  });
});

describe('task role policies', () => {
  type Stmt = { Sid?: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
  const statementsOf = (role: { node: { defaultChild?: unknown } }): Stmt[] => {
    const roleId = id(role);
    const policies = Object.values(resourcesOf(s.appTemplate, 'AWS::IAM::Policy'))
      .filter((p) => p.Properties!.Roles.some((r: any) => r.Ref === roleId));
    const roleProps = resourcesOf(s.appTemplate, 'AWS::IAM::Role')[roleId].Properties!;
    expect(roleProps.ManagedPolicyArns).toBeUndefined();
    expect(roleProps.Policies).toBeUndefined();
    return policies.flatMap((p) => p.Properties!.PolicyDocument.Statement);
  };
  const arn = (c: { node: { defaultChild?: unknown } }) => ({ 'Fn::GetAtt': [id(c), 'Arn'] });
  const uploads = () => ({ 'Fn::Join': ['', [arn(s.app.storage.filesBucket), '/uploads/*']] });
  const sorted = (x: string | string[]) => asArray(x).slice().sort();
  const metrics = {
    Sid: 'PutAppMetrics', Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*',
    Condition: { StringEquals: { 'cloudwatch:namespace': 'CMEP' } },
  };
  const dbSecretRef = () => ({ Ref: id(s.app.database.instance.node.findChild('Secret').node.findChild('Attachment') as any) });

  const check = (actual: Stmt[], expected: Array<Record<string, any>>) => {
    const norm = (st: Record<string, any>): Record<string, any> => ({
      ...st,
      Action: sorted(st.Action),
      Resource: asArray(st.Resource).map((r) => JSON.stringify(r)).sort(),
    });
    expect(actual.map(norm).sort((a, b) => a.Sid!.localeCompare(b.Sid!)))
      .toEqual(expected.map((e) => norm({ Effect: 'Allow', ...e })).sort((a, b) => a.Sid.localeCompare(b.Sid)));
    // no "*" resource except PutMetricData restricted to the namespace
    for (const st of actual) {
      if (JSON.stringify(st.Resource).includes('"*"')) {
        expect(st.Action).toBe('cloudwatch:PutMetricData');
        expect(st.Condition).toEqual({ StringEquals: { 'cloudwatch:namespace': METRICS_NAMESPACE } });
      }
    }
  };

  it('gateway-api: send to solicitud/file events, uploads/* put/get/delete, db+app secrets, metrics', () => {
    const q = s.app.queues.byRole;
    check(statementsOf(s.app.services.gateway.taskRole), [
      { Sid: 'OutboxRelayPublish', Action: SEND_ACTIONS, Resource: [arn(q['solicitud-events'].queue), arn(q['file-events'].queue)] },
      { Sid: 'UploadsReadWrite', Action: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], Resource: uploads() },
      { Sid: 'ReadOwnSecrets', Action: 'secretsmanager:GetSecretValue', Resource: [dbSecretRef(), { Ref: id(s.app.appSecret) }] },
      metrics,
    ]);
    expect(SEND_ACTIONS.slice().sort()).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']);
  });

  it('workflow-worker: consume solicitud-events + maintenance, watch their DLQs, db secret, metrics', () => {
    const q = s.app.queues.byRole;
    check(statementsOf(s.app.services.workflowWorker.taskRole), [
      { Sid: 'ConsumeQueues', Action: CONSUME_ACTIONS, Resource: [arn(q['solicitud-events'].queue), arn(q.maintenance.queue)] },
      { Sid: 'MonitorDeadLetterQueues', Action: MONITOR_ACTIONS, Resource: [arn(q['solicitud-events'].dlq), arn(q.maintenance.dlq)] },
      { Sid: 'ReadOwnSecrets', Action: 'secretsmanager:GetSecretValue', Resource: dbSecretRef() },
      metrics,
    ]);
    expect(CONSUME_ACTIONS.slice().sort()).toEqual(['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage',
      'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage']);
  });

  it('file-worker: consume file-events, watch its DLQ, uploads/* get/delete, list uploads/, db secret, metrics', () => {
    const q = s.app.queues.byRole;
    check(statementsOf(s.app.services.fileWorker.taskRole), [
      { Sid: 'ConsumeQueues', Action: CONSUME_ACTIONS, Resource: arn(q['file-events'].queue) },
      { Sid: 'MonitorDeadLetterQueues', Action: MONITOR_ACTIONS, Resource: arn(q['file-events'].dlq) },
      { Sid: 'UploadsReadDelete', Action: ['s3:GetObject', 's3:DeleteObject'], Resource: uploads() },
      { Sid: 'ListUploads', Action: 's3:ListBucket', Resource: arn(s.app.storage.filesBucket),
        Condition: { StringLikeIfExists: { 's3:prefix': ['uploads/*'] } } },
      { Sid: 'ReadOwnSecrets', Action: 'secretsmanager:GetSecretValue', Resource: dbSecretRef() },
      metrics,
    ]);
  });

  it('execution roles only pull their image and write their logs', () => {
    for (const svc of [s.app.services.gateway, s.app.services.workflowWorker, s.app.services.fileWorker]) {
      const st = statementsOf(svc.service.taskDefinition.executionRole as any);
      expect(st.flatMap((x) => asArray(x.Action)).sort()).toEqual([
        'ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetAuthorizationToken',
        'ecr:GetDownloadUrlForLayer', 'logs:CreateLogStream', 'logs:PutLogEvents',
      ]);
    }
  });
});

describe('alarms and dashboard', () => {
  const alarms = () => Object.values(resourcesOf(s.appTemplate, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties!);
  const topic = () => ({ Ref: id(s.app.monitoring.topic) });

  it('every alarm notifies the SNS topic on ALARM and OK; the topic enforces TLS', () => {
    expect(alarms().length).toBe(9);
    for (const a of alarms()) {
      expect(a.AlarmActions).toEqual([topic()]);
      expect(a.OKActions).toEqual([topic()]);
    }
    s.appTemplate.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('5xx: more than 5 in 5 minutes of cmep.http.server.errors.count for gateway-api', () => {
    const a = alarms().find((x) => x.MetricName === 'cmep.http.server.errors.count');
    expect(a).toMatchObject({
      Namespace: 'CMEP', Statistic: 'Sum', Period: 300, Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 1, TreatMissingData: 'notBreaching',
    });
    expect(a!.Dimensions.sort((x: any, y: any) => x.Name.localeCompare(y.Name)))
      .toEqual([{ Name: 'env', Value: 'prod' }, { Name: 'service', Value: 'gateway-api' }]);
  });

  it('DLQ depth > 0 on each of the three DLQs', () => {
    const dlqAlarms = alarms().filter((x) => x.Namespace === 'AWS/SQS');
    expect(dlqAlarms).toHaveLength(3);
    const dlqNames = dlqAlarms.map((x) => x.Dimensions[0].Value['Fn::GetAtt'][0]).sort();
    const q = s.app.queues.byRole;
    expect(dlqNames).toEqual([id(q['file-events'].dlq), id(q.maintenance.dlq), id(q['solicitud-events'].dlq)].sort());
    for (const a of dlqAlarms) {
      expect(a).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Statistic: 'Maximum', Period: 60,
        Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    }
  });

  it('outbox oldest age > 60 s for 3 of 3 minutes, missing data breaching', () => {
    expect(alarms().find((x) => x.MetricName === 'cmep.outbox.oldest.age.value')).toMatchObject({
      Namespace: 'CMEP', Statistic: 'Maximum', Period: 60, Threshold: 60, EvaluationPeriods: 3,
      DatapointsToAlarm: 3, ComparisonOperator: 'GreaterThanThreshold', TreatMissingData: 'breaching',
    });
  });

  it('ALB p99 target response time > 1 s over 5 minutes', () => {
    const a = alarms().find((x) => x.MetricName === 'TargetResponseTime');
    expect(a).toMatchObject({ Namespace: 'AWS/ApplicationELB', ExtendedStatistic: 'p99', Period: 300, Threshold: 1 });
    expect(a!.Dimensions[0]).toEqual({ Name: 'LoadBalancer', Value: { 'Fn::GetAtt': [id(s.app.services.loadBalancer), 'LoadBalancerFullName'] } });
  });

  it('one dashboard cmep-prod naming every application metric', () => {
    const [d] = Object.values(resourcesOf(s.appTemplate, 'AWS::CloudWatch::Dashboard'));
    expect(d.Properties!.DashboardName).toBe('cmep-prod');
    const body = JSON.stringify(d.Properties!.DashboardBody);
    for (const name of Object.values(METRIC)) expect(body).toContain(name);
    expect(body).toContain(`{${METRICS_NAMESPACE},env,method,route,service,status_class}`);
    for (const k of Object.values(DIM)) expect(body).toContain(k);
    expect(body).toContain('AWS/RDS');
    expect(body).toContain('AWS/ECS');
    expect(body).toContain('AWS/SQS');
  });
});
