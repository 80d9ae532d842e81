import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { App } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../lib/build-app';
import { ACCOUNT, cdkJsonContext, nagFindings, REGION, removeTempDirs, resourcesOf, synth, tempDir, ValidationReport } from './helpers';

afterAll(removeTempDirs);

describe('a non-default environment (context overrides)', () => {
  const s = synth({
    envName: 'staging',
    frontendDist: path.join(os.tmpdir(), 'cmep-no-such-dist'),
    dbEngine: 'mariadb10.11',
    dbMultiAz: 'true',
    workersOnSpot: 'true',
    desiredCount: '2',
    alarmEmail: 'ops@example.com',
    p99LatencyThresholdSeconds: '2.5',
  });

  it('names the stacks after envName', () => {
    expect(s.registry.stackName).toBe('cmep-staging-registry');
    expect(s.app.stackName).toBe('cmep-staging-app');
    expect(s.app.dependencies.map((d) => d.stackName)).toEqual(['cmep-staging-registry']);
  });

  it('warns and deploys no SPA files when frontend/dist is missing; nag stays clean', () => {
    s.appTemplate.resourceCountIs('Custom::CDKBucketDeployment', 0);
    Annotations.fromStack(s.app).hasWarning('/cmep-staging-app/Frontend', Match.stringLikeRegexp('frontend/dist does not exist'));
    expect(nagFindings(s.validationReport)).toEqual([]);
  });

  it('switches engine, Multi-AZ, Spot workers, desired count, alarm e-mail and p99 threshold', () => {
    s.appTemplate.hasResourceProperties('AWS::RDS::DBInstance', { Engine: 'mariadb', EngineVersion: '10.11', MultiAZ: true });
    const services = Object.values(resourcesOf(s.appTemplate, 'AWS::ECS::Service')).map((x) => x.Properties!);
    expect(services.map((x) => x.DesiredCount)).toEqual([2, 2, 2]);
    const spot = services.filter((x) => x.CapacityProviderStrategy);
    expect(spot).toHaveLength(2); // the two workers; the gateway stays on on-demand Fargate
    expect(spot[0].CapacityProviderStrategy).toEqual([{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }]);
    s.appTemplate.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
    s.appTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'TargetResponseTime', Threshold: 2.5 });
    s.appTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'cmep.http.server.errors.count',
      Dimensions: Match.arrayWith([{ Name: 'env', Value: 'staging' }]),
    });
    s.appTemplate.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'cmep-staging' });
  });
});

describe('cdk-nag is really checking (negative control)', () => {
  it('reports an unacknowledged finding and fails the synth', () => {
    const outdir = tempDir('cmep-cdk-bad-');
    const app = new App({
      outdir,
      context: { ...cdkJsonContext(), account: ACCOUNT, region: REGION, frontendDist: path.join(outdir, 'none') },
    });
    const built = buildApp(app);
    new s3.Bucket(built.app, 'NotCompliant'); // no TLS enforcement, no access logs
    expect(() => app.synth()).toThrow(/AwsSolutions-S10/);
    const report: ValidationReport = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
    const findings = nagFindings(report);
    expect(findings).toContain('error AwsSolutions-S10 at cmep-prod-app/NotCompliant/Resource');
    expect(findings).toContain('error AwsSolutions-S1 at cmep-prod-app/NotCompliant/Resource');
    expect(findings.filter((f) => !f.includes('NotCompliant'))).toEqual([]);
  });
});
