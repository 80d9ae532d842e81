import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, CmepApp } from '../lib/build-app';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const INFRA_DIR = path.resolve(__dirname, '..');

/** The context of cdk.json (the sample env, and the feature flags), as `cdk synth` would see it. */
export function cdkJsonContext(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(INFRA_DIR, 'cdk.json'), 'utf8')).context;
}

export interface Synthesized extends CmepApp {
  readonly cdkApp: App;
  readonly outdir: string;
  readonly appTemplate: Template;
  readonly registryTemplate: Template;
  /** Contents of validation-report.json (cdk-nag and CloudFormation validate results). */
  readonly validationReport: ValidationReport;
}

export interface ValidationReport {
  pluginReports: Array<{
    pluginName: string;
    conclusion: string;
    violations: Array<{ ruleName: string; severity: string; violatingConstructs: Array<{ constructPath: string }> }>;
  }>;
}

const tempDirs: string[] = [];

/** A temporary directory removed by removeTempDirs() (call it in afterAll). */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * A stand-in for a built web app (index.html + one asset), so the SPA deployment is synthesized whether or not
 * ../frontend/dist has been built on this machine.
 */
export function builtSpa(): string {
  const dir = tempDir('cmep-dist-');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  return dir;
}

/** Synthesizes both stacks like `cdk synth -c ...` with an explicit account and region, cdk-nag on. */
export function synth(context: Record<string, unknown> = {}): Synthesized {
  const outdir = tempDir('cmep-cdk-');
  const cdkApp = new App({
    outdir,
    context: { ...cdkJsonContext(), account: ACCOUNT, region: REGION, frontendDist: builtSpa(), ...context },
  });
  const built = buildApp(cdkApp);
  cdkApp.synth();
  const reportFile = path.join(outdir, 'validation-report.json');
  const validationReport: ValidationReport = fs.existsSync(reportFile)
    ? JSON.parse(fs.readFileSync(reportFile, 'utf8'))
    : { pluginReports: [] };
  return {
    ...built,
    cdkApp,
    outdir,
    appTemplate: Template.fromStack(built.app),
    registryTemplate: Template.fromStack(built.registry),
    validationReport,
  };
}

/** Unsuppressed cdk-nag findings (errors and warnings) as "rule at path" lines. */
export function nagFindings(report: ValidationReport): string[] {
  return report.pluginReports
    .filter((r) => r.pluginName === 'AwsSolutions')
    .flatMap((r) => r.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.severity} ${v.ruleName} at ${c.constructPath}`)));
}

export type Resources = Record<string, { Type: string; Properties?: Record<string, any>; [k: string]: any }>;

export function resourcesOf(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}

export function logicalIdOf(stack: Stack, construct: { node: { defaultChild?: unknown } }): string {
  return stack.getLogicalId(construct.node.defaultChild as any);
}

export function asArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
