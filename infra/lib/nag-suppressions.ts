import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import type { AppStack } from './app-stack';
import type { RegistryStack } from './registry-stack';

/**
 * Every cdk-nag (AwsSolutions) acknowledgment of the CMEP stacks, one function per stack, each with its reason.
 * cdk-nag 3 matches an acknowledgment by exact rule id (IAM5 findings carry the resource/action in brackets) on
 * the construct or one of its parents, so each one here names exactly the finding and the construct it covers.
 */
interface Ack {
  readonly scope: IConstruct;
  readonly id: string;
  readonly reason: string;
}

function apply(acks: Ack[]): void {
  for (const a of acks) Validations.of(a.scope).acknowledge({ id: a.id, reason: a.reason });
}

/** The IAM5 finding id of a resource the way cdk-nag flattens it (<LogicalId.Arn>/uploads/*). */
function arnFinding(resource: IConstruct, suffix: string): string {
  const logicalId = Stack.of(resource).getLogicalId(resource.node.defaultChild as CfnResource);
  return `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>${suffix}]`;
}

/** Flattens a resolved CloudFormation value the way cdk-nag does for IAM5 finding ids. */
function flatten(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\${/g, '<').replace(/}/g, '>');
  const o = node as Record<string, unknown>;
  if (o['Fn::Join']) {
    const [delimiter, items] = o['Fn::Join'] as [string, unknown[]];
    return items.map(flatten).join(delimiter);
  }
  if (o['Fn::Sub']) return flatten(o['Fn::Sub']);
  if (o['Fn::GetAtt']) {
    const [r, a] = o['Fn::GetAtt'] as [unknown, unknown];
    return `<${flatten(r)}.${flatten(a)}>`;
  }
  if (o['Fn::ImportValue']) return flatten(o['Fn::ImportValue']);
  if (o.Ref) return `<${flatten(o.Ref)}>`;
  return JSON.stringify(node);
}

/** All IAM5 findings of a policy we do not write (a construct library's own handler). */
function wildcardFindings(policy: iam.CfnPolicy): string[] {
  const doc = Stack.of(policy).resolve(policy.policyDocument) as { Statement?: Array<Record<string, unknown>> };
  const findings = new Set<string>();
  const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
  for (const s of doc.Statement ?? []) {
    if (s.Effect !== 'Allow') continue;
    arr(s.Action).map(String).filter((a) => a.includes('*')).forEach((a) => findings.add(`AwsSolutions-IAM5[Action::${a}]`));
    arr(s.Resource).map(flatten).filter((r) => r.includes('*')).forEach((r) => findings.add(`AwsSolutions-IAM5[Resource::${r}]`));
  }
  return [...findings];
}

export function applyRegistryStackSuppressions(_stack: RegistryStack): void {
  // nothing to acknowledge: scan on push, immutable tags, lifecycle, no resource policy
}

export function applyAppStackSuppressions(stack: AppStack): void {
  const { storage, network, database, appSecret, services, frontend } = stack;
  const acks: Ack[] = [
    // ---- network / load balancer ----
    { scope: network.albSecurityGroup, id: 'AwsSolutions-EC23',
      reason: 'Internet-facing API load balancer: 443 (and 80, which only redirects to 443) must be open to all.' },
    // ---- database ----
    { scope: database.instance, id: 'AwsSolutions-RDS3',
      reason: 'Single-AZ by default to stay near the cost target (Multi-AZ doubles the instance price); '
        + '-c dbMultiAz=true turns it on. Backups (7 days) cover an AZ loss with a restore.' },
    { scope: database.instance, id: 'AwsSolutions-RDS11',
      reason: 'Port 3306 kept: the instance is in isolated subnets and its security group only admits the three '
        + 'service security groups; a non-default port adds no protection there.' },
    { scope: database.instance, id: 'CloudFormation-Validate::E9006',
      reason: 'EngineVersion is the major version on purpose (8.0 / 8.4 / 10.11): RDS picks the current minor and '
        + 'autoMinorVersionUpgrade keeps it current without template drift; RDS accepts major-only versions.' },
    { scope: database.instance.node.findChild('Secret'), id: 'AwsSolutions-SMG4',
      reason: 'No rotation yet: the services read the password once at startup (Spring Cloud AWS config import), so '
        + 'a rotation would break new connections until every task restarts, and the rotation Lambda would need a '
        + 'Secrets Manager interface endpoint (~$15/month) in the isolated subnets. Rotate manually with a rolling restart.' },
    { scope: appSecret, id: 'AwsSolutions-SMG4',
      reason: 'The session signing secret: rotating it signs every user out and needs a gateway restart; rotated '
        + 'manually (docs/aws-deployment.md), not on a schedule.' },
    // ---- ECS ----
    { scope: services.cluster, id: 'AwsSolutions-ECS4',
      reason: 'Container Insights off for cost (billed per metric, ~$10+/month for 3 services); the dashboard and '
        + 'alarms use the free AWS/ECS CPU/memory metrics and the application metrics.' },
    ...[services.gateway, services.workflowWorker, services.fileWorker].flatMap((s) => [
      { scope: s.service.taskDefinition, id: 'AwsSolutions-ECS2',
        reason: 'Only non-secret configuration is in the environment (profile, env name, region, bucket name, '
          + 'secret ARNs, cookie domain, CORS origin); the secrets are read from Secrets Manager by the service.' },
      { scope: s.service.taskDefinition.executionRole!, id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'CDK execution role: ecr:GetAuthorizationToken has no resource type and requires "*"; image pull '
          + 'and log writes are scoped to the repository and the log group.' },
      { scope: s.taskRole, id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'cloudwatch:PutMetricData has no resource type; it is restricted by the condition '
          + 'cloudwatch:namespace = CMEP. Every other statement names its resources.' },
    ]),
    ...[services.gateway, services.fileWorker].map((s) => ({
      scope: s.taskRole, id: arnFinding(storage.filesBucket, '/uploads/*'),
      reason: 'Object access limited to the uploads/ prefix of the files bucket, the only prefix the services use '
        + '(ArchivoService.UPLOAD_PREFIX, FilesBucket.UPLOADS); object keys are generated per upload.',
    })),
    // ---- CloudFront ----
    { scope: frontend.distribution, id: 'AwsSolutions-CFR1',
      reason: 'No geo restriction: a public site whose users may travel; the API enforces authentication.' },
    { scope: frontend.distribution, id: 'AwsSolutions-CFR2',
      reason: 'No WAF on the static SPA distribution (WAF costs $5/month + $1/rule + requests, over the budget): it '
        + 'serves only static files from a private bucket; the API is not behind it.' },
  ];

  // the BucketDeployment handler (a singleton Lambda of aws-cdk-lib), present only when frontend/dist was built
  const handler = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (handler) {
    const reason = 'aws-cdk-lib BucketDeployment handler: copies the built SPA from the CDK asset bucket to the SPA '
      + 'bucket and invalidates the distribution; its policy, managed-policy use and runtime are set by aws-cdk-lib '
      + 'and it only runs during deployments.';
    acks.push({ scope: handler, id: 'AwsSolutions-L1', reason });
    const role = handler.node.tryFindChild('ServiceRole');
    if (role) {
      acks.push({
        scope: role,
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason,
      });
      const policy = role.node.tryFindChild('DefaultPolicy')?.node.defaultChild;
      if (policy instanceof iam.CfnPolicy) {
        wildcardFindings(policy).forEach((id) => acks.push({ scope: role, id, reason }));
      }
    }
  }
  apply(acks);
}
