import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INFRA_DIR } from './helpers';

/**
 * docs/runbook.md is followed by someone with production at stake: every repository command it names must exist,
 * with the options it uses. The AWS CLI, jq, curl and git are the operator's own tools and are not checked.
 */
const ROOT = path.resolve(INFRA_DIR, '..');
const runbook = fs.readFileSync(path.join(ROOT, 'docs', 'runbook.md'), 'utf8');

const usage = (script: string): string =>
  execFileSync('bash', [path.join(ROOT, script), 'help'], { encoding: 'utf8', env: { ...process.env, AWS_REGION: '' } });
const cmepUsage = usage('cmep');
const awsUsage = usage('infra/ops/cmep-aws');
const scripts = (pkg: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(ROOT, pkg, 'package.json'), 'utf8')).scripts;
const infraPkg = JSON.parse(fs.readFileSync(path.join(INFRA_DIR, 'package.json'), 'utf8'));

/** Every `./cmep ...` invocation in the runbook, from code blocks and inline code alike. */
function cmepInvocations(): string[][] {
  const found: string[][] = [];
  for (const match of runbook.matchAll(/\.\/cmep((?: +[^\s`'"|&;)]+)+)/g)) {
    found.push(match[1].trim().split(/ +/));
  }
  return found;
}

const commandOf = (text: string, command: string): boolean =>
  new RegExp(`^ {2}${command.replace(/[-]/g, '\\-')}( |$)`, 'm').test(text);

describe('the runbook', () => {
  it('names ./cmep commands', () => {
    expect(cmepInvocations().length).toBeGreaterThan(10);
  });

  it('uses only ./cmep commands and options that exist', () => {
    for (const [command, ...rest] of cmepInvocations()) {
      expect(commandOf(cmepUsage, command), `./cmep ${command}`).toBe(true);
      if (command === 'aws' && rest.length > 0) {
        expect(commandOf(awsUsage, rest[0]), `./cmep aws ${rest[0]}`).toBe(true);
      }
      for (const option of rest.filter((word) => word.startsWith('--'))) {
        const usageText = command === 'aws' ? awsUsage : cmepUsage;
        expect(usageText, `./cmep ${command} ${option}`).toContain(option);
      }
    }
  });

  it('uses only npm scripts that exist in infra/ or frontend/', () => {
    const known = { ...scripts('infra'), ...scripts('frontend') };
    const used = [...runbook.matchAll(/npm run ([a-z:]+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(3);
    for (const script of used) expect(Object.keys(known), `npm run ${script}`).toContain(script);
  });

  it('runs the CDK CLI that infra/ installs', () => {
    expect(runbook).toContain('npx cdk bootstrap');
    expect(Object.keys(infraPkg.devDependencies)).toContain('aws-cdk');
  });

  it('names files that exist', () => {
    for (const m of runbook.matchAll(/`((?:events-schema|infra|docs|frontend)\/[^`\s]+)`/g)) {
      expect(fs.existsSync(path.join(ROOT, m[1])), m[1]).toBe(true);
    }
  });
});
