import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Deployment configuration, from CDK context (cdk.json holds the sample environment; override with
 * `-c key=value`). Every value is validated here so a typo fails the synth with a clear message instead of a
 * failed CloudFormation deployment half an hour later.
 */
export type DbEngineChoice = 'mysql8.0' | 'mysql8.4' | 'mariadb10.11';
export const DB_ENGINES: readonly DbEngineChoice[] = ['mysql8.0', 'mysql8.4', 'mariadb10.11'];

export interface CmepConfig {
  readonly envName: string;
  readonly appDomain: string;
  readonly apiDomain: string;
  /** Domain attribute of the session cookie (COOKIE_DOMAIN). */
  readonly cookieDomain: string;
  readonly cloudFrontCertificateArn: string;
  readonly apiCertificateArn: string;
  readonly imageTag: string;
  readonly alarmEmail?: string;
  /** undefined: environment-agnostic account (the deploying credentials' account). */
  readonly account?: string;
  readonly region: string;
  readonly desiredCount: number;
  readonly dbMultiAz: boolean;
  /** Run the two workers on Fargate Spot (~70% cheaper; a reclaimed task is replaced, messages wait in SQS). */
  readonly workersOnSpot: boolean;
  readonly dbEngine: DbEngineChoice;
  readonly p99LatencyThresholdSeconds: number;
  /** The built SPA (../frontend/dist), deployed only if it exists at synth time. */
  readonly frontendDist: string;
}

/** Anything with tryGetContext: an App's or a Stack's node. */
export interface ContextSource {
  tryGetContext(key: string): unknown;
}

export const DEFAULT_FRONTEND_DIST = path.resolve(__dirname, '..', '..', 'frontend', 'dist');

const HOSTNAME = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const ACM_ARN = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):(\d{12}):certificate\/[0-9a-f-]{36}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

export class ConfigError extends Error {
  constructor(message: string) {
    super(`cmep infra: invalid configuration: ${message}`);
  }
}

/** The labels both domains end with: app.cmep.example.com + api.cmep.example.com -> cmep.example.com. */
export function commonParentDomain(a: string, b: string): string {
  const la = a.split('.').reverse();
  const lb = b.split('.').reverse();
  const common: string[] = [];
  for (let i = 0; i < Math.min(la.length, lb.length) && la[i] === lb[i]; i++) common.push(la[i]);
  return common.reverse().join('.');
}

function str(ctx: ContextSource, key: string): string | undefined {
  const v = ctx.tryGetContext(key);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
    throw new ConfigError(`context ${key} must be a string, got ${JSON.stringify(v)}`);
  }
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

function required(ctx: ContextSource, key: string): string {
  const v = str(ctx, key);
  if (v === undefined) throw new ConfigError(`context ${key} is required (cdk.json or -c ${key}=...)`);
  return v;
}

function bool(ctx: ContextSource, key: string, dflt: boolean): boolean {
  const v = str(ctx, key);
  if (v === undefined) return dflt;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new ConfigError(`context ${key} must be true or false, got ${v}`);
}

function num(ctx: ContextSource, key: string, dflt: number, min: number, max: number, integer: boolean): number {
  const v = str(ctx, key);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new ConfigError(`context ${key} must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], got ${v}`);
  }
  return n;
}

function hostname(ctx: ContextSource, key: string): string {
  const v = required(ctx, key).toLowerCase();
  if (!HOSTNAME.test(v)) throw new ConfigError(`context ${key}=${v} is not a DNS name like app.cmep.example.com`);
  return v;
}

function certificateArn(ctx: ContextSource, key: string): { arn: string; region: string; account: string } {
  const arn = required(ctx, key);
  const m = ACM_ARN.exec(arn);
  if (!m) {
    throw new ConfigError(`context ${key}=${arn} is not an ACM certificate ARN `
      + '(arn:aws:acm:<region>:<account>:certificate/<uuid>)');
  }
  return { arn, region: m[1], account: m[2] };
}

export function loadConfig(ctx: ContextSource, env: NodeJS.ProcessEnv = process.env): CmepConfig {
  const envName = required(ctx, 'envName');
  if (!/^[a-z][a-z0-9]{1,11}$/.test(envName)) {
    throw new ConfigError(`context envName=${envName} must be 2-12 lower-case letters/digits, starting with a letter`);
  }
  const appDomain = hostname(ctx, 'appDomain');
  const apiDomain = hostname(ctx, 'apiDomain');
  if (appDomain === apiDomain) {
    throw new ConfigError('appDomain and apiDomain must differ (the API is not behind the SPA distribution)');
  }

  const cookieDomain = (str(ctx, 'cookieDomain') ?? commonParentDomain(appDomain, apiDomain)).toLowerCase();
  if (!HOSTNAME.test(cookieDomain)) {
    throw new ConfigError(`cookieDomain=${cookieDomain || '(empty)'}: appDomain and apiDomain share no registrable `
      + 'parent domain; set -c cookieDomain=... explicitly');
  }
  for (const d of [appDomain, apiDomain]) {
    if (d !== cookieDomain && !d.endsWith(`.${cookieDomain}`)) {
      throw new ConfigError(`cookieDomain=${cookieDomain} must be ${d} or a parent of it`);
    }
  }

  const cf = certificateArn(ctx, 'cloudFrontCertificateArn');
  if (cf.region !== 'us-east-1') {
    throw new ConfigError(`cloudFrontCertificateArn must be a certificate in us-east-1 (CloudFront only uses those), got ${cf.region}`);
  }
  const api = certificateArn(ctx, 'apiCertificateArn');

  // explicit -c region wins, then the CLI's (profile) region, then the API certificate's region, which must be
  // the stack's region anyway (an ALB only uses certificates of its own region)
  const region = str(ctx, 'region') ?? env.CDK_DEFAULT_REGION ?? api.region;
  if (!REGION.test(region)) throw new ConfigError(`region ${region} is not an AWS region name`);
  if (api.region !== region) {
    throw new ConfigError(`apiCertificateArn is in ${api.region} but the stacks deploy to ${region}; `
      + 'the ALB certificate must be in the stack region');
  }
  const account = str(ctx, 'account') ?? env.CDK_DEFAULT_ACCOUNT;
  if (account !== undefined) {
    if (!/^\d{12}$/.test(account)) throw new ConfigError(`account ${account} is not a 12-digit AWS account id`);
    for (const [key, c] of [['cloudFrontCertificateArn', cf], ['apiCertificateArn', api]] as const) {
      if (c.account !== account) {
        throw new ConfigError(`${key} belongs to account ${c.account}, not the target account ${account} `
          + '(ACM certificates cannot be used across accounts); pass -c ' + key + '=<your certificate ARN>');
      }
    }
  }

  const imageTag = required(ctx, 'imageTag');
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(imageTag)) {
    throw new ConfigError(`imageTag=${imageTag} is not a valid Docker tag`);
  }
  if (imageTag === 'latest') {
    throw new ConfigError('imageTag=latest is not allowed: the ECR repositories have immutable tags; '
      + 'use the release version or the git commit');
  }

  const alarmEmail = str(ctx, 'alarmEmail');
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) {
    throw new ConfigError(`alarmEmail=${alarmEmail} is not an e-mail address`);
  }

  const dbEngine = (str(ctx, 'dbEngine') ?? 'mysql8.4') as DbEngineChoice;
  if (!DB_ENGINES.includes(dbEngine)) {
    throw new ConfigError(`dbEngine=${dbEngine} must be one of ${DB_ENGINES.join(', ')}`);
  }

  const frontendDist = path.resolve(str(ctx, 'frontendDist') ?? DEFAULT_FRONTEND_DIST);

  return {
    envName, appDomain, apiDomain, cookieDomain,
    cloudFrontCertificateArn: cf.arn,
    apiCertificateArn: api.arn,
    imageTag, alarmEmail, account, region,
    desiredCount: num(ctx, 'desiredCount', 1, 0, 10, true),
    dbMultiAz: bool(ctx, 'dbMultiAz', false),
    workersOnSpot: bool(ctx, 'workersOnSpot', false),
    dbEngine,
    p99LatencyThresholdSeconds: num(ctx, 'p99LatencyThresholdSeconds', 1, 0.05, 60, false),
    frontendDist,
  };
}

export function frontendDistExists(config: CmepConfig): boolean {
  return fs.existsSync(path.join(config.frontendDist, 'index.html'));
}
