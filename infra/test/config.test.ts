import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dlqNameOf, loadAwsResources, parseProperties } from '../lib/aws-resources';
import { commonParentDomain, loadConfig } from '../lib/config';
import { healthProbeCommand } from '../lib/health-check';
import { cdkJsonContext, removeTempDirs, tempDir } from './helpers';

afterAll(removeTempDirs);

const ctx = (values: Record<string, unknown>) => ({ tryGetContext: (k: string) => values[k] });
const base = () => ({ ...cdkJsonContext() });

describe('context validation', () => {
  it('accepts the sample env of cdk.json and derives region and cookie domain', () => {
    const c = loadConfig(ctx(base()), {});
    expect(c.envName).toBe('prod');
    expect(c.region).toBe('us-east-1'); // from the API certificate when nothing else says
    expect(c.account).toBeUndefined();
    expect(c.cookieDomain).toBe('cmep.example.com');
    expect(c.desiredCount).toBe(1);
    expect(c.dbMultiAz).toBe(false);
    expect(c.alarmEmail).toBeUndefined();
  });

  it('reads -c values given as strings', () => {
    const c = loadConfig(ctx({ ...base(), desiredCount: '2', dbMultiAz: 'true', alarmEmail: 'ops@example.com' }), {});
    expect(c.desiredCount).toBe(2);
    expect(c.dbMultiAz).toBe(true);
    expect(c.alarmEmail).toBe('ops@example.com');
  });

  it.each([
    [{ envName: 'Prod!' }, /envName/],
    [{ appDomain: 'not a domain' }, /appDomain/],
    [{ apiDomain: 'app.cmep.example.com' }, /must differ/],
    [{ cloudFrontCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/11111111-1111-1111-1111-111111111111' }, /us-east-1/],
    [{ apiCertificateArn: 'nope' }, /apiCertificateArn/],
    [{ region: 'eu-west-1' }, /ALB certificate must be in the stack region/],
    [{ account: '999999999999' }, /cannot be used across accounts/],
    [{ imageTag: 'latest' }, /immutable/],
    [{ imageTag: '' }, /imageTag is required/],
    [{ desiredCount: 'two' }, /desiredCount/],
    [{ dbMultiAz: 'yes' }, /dbMultiAz/],
    [{ dbEngine: 'postgres16' }, /dbEngine/],
    [{ alarmEmail: 'ops' }, /alarmEmail/],
    [{ appDomain: 'app.one.com', apiDomain: 'api.two.org' }, /share no registrable parent/],
    [{ cookieDomain: 'other.example.com' }, /must be .* or a parent/],
  ])('rejects %j', (override, message) => {
    expect(() => loadConfig(ctx({ ...base(), ...override }), {})).toThrow(message);
  });

  it('takes account and region from the CDK CLI environment', () => {
    const c = loadConfig(ctx(base()), { CDK_DEFAULT_ACCOUNT: '123456789012', CDK_DEFAULT_REGION: 'us-east-1' });
    expect(c.account).toBe('123456789012');
    expect(() => loadConfig(ctx(base()), { CDK_DEFAULT_REGION: 'sa-east-1' })).toThrow(/stack region/);
  });

  it('computes the common parent domain', () => {
    expect(commonParentDomain('app.cmep.example.com', 'api.cmep.example.com')).toBe('cmep.example.com');
    expect(commonParentDomain('cmep.pe', 'api.cmep.pe')).toBe('cmep.pe');
  });
});

describe('cmep-aws-resources.properties', () => {
  it('parses the real file by the rules of init-aws.sh / QueueProvisioner', () => {
    const r = loadAwsResources();
    expect(r.bucket).toMatch(/^[a-z0-9-]+$/);
    expect(r.dlqMaxReceiveCount).toBeGreaterThan(0);
    for (const q of Object.values(r.queues)) {
      expect(q.dlqName).toBe(q.fifo ? q.name.replace(/\.fifo$/, '-dlq.fifo') : `${q.name}-dlq`);
    }
  });

  it('names DLQs before .fifo', () => {
    expect(dlqNameOf('a.fifo')).toBe('a-dlq.fifo');
    expect(dlqNameOf('b')).toBe('b-dlq');
  });

  it('reads properties syntax (comments, colon, spaces, CRLF)', () => {
    const p = parseProperties('# c\r\n! c\r\n a.b = x \r\nc:y\r\nd=multi\\\r\n  line\r\n');
    expect(p.get('a.b')).toBe('x');
    expect(p.get('c')).toBe('y');
    expect(p.get('d')).toBe('multiline');
  });

  it('fails clearly on a queue role the infra does not wire, or a bad count', () => {
    const dir = tempDir('cmep-props-');
    const file = path.join(dir, 'r.properties');
    const good = fs.readFileSync(path.resolve(__dirname, '../../events-schema/src/main/resources/cmep-aws-resources.properties'), 'utf8');
    fs.writeFileSync(file, `${good}\ncmep.aws.queues.audit=cmep-audit\n`);
    expect(() => loadAwsResources(file)).toThrow(/audit/);
    fs.writeFileSync(file, good.replace(/dlq-max-receive-count=\d+/, 'dlq-max-receive-count=zero'));
    expect(() => loadAwsResources(file)).toThrow(/max-receive-count/);
  });
});

describe('health probe command', () => {
  it('is the HealthProbe class on the Jib classpath', () => {
    expect(healthProbeCommand(8082, '/actuator/health')).toEqual([
      'CMD', 'java', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xmx24m', '-Xss256k',
      '-cp', '/app/classes:/app/resources:/app/libs/*',
      'pe.cmep.platform.health.HealthProbe', 'http://127.0.0.1:8082/actuator/health',
    ]);
  });
});
