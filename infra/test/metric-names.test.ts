import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIM, METRIC, METRICS_NAMESPACE } from '../lib/metric-names';
import { INFRA_DIR } from './helpers';

/**
 * The alarms and the dashboard read metrics the Java services publish: a name here that the services do not
 * export would leave an alarm without data. The services' side is cmep-platform.yml (what is exported, the
 * namespace, the common dimensions) and the code that tags the meters.
 */
const ROOT = path.resolve(INFRA_DIR, '..');
const platformYml = fs.readFileSync(path.join(ROOT, 'platform/src/main/resources/cmep-platform.yml'), 'utf8');
const javaSources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return javaSources(p);
    return p.endsWith('.java') ? [fs.readFileSync(p, 'utf8')] : [];
  });
const mainCode = ['platform', 'gateway-api', 'workflow-worker', 'file-worker']
  .flatMap((m) => javaSources(path.join(ROOT, m, 'src', 'main', 'java')))
  .join('\n');

const exported = (() => {
  const block = platformYml.split('cloudwatch-exported:')[1].split(/\n\S|\n {2}[a-z]/)[0];
  return [...block.matchAll(/^\s+- (\S+)$/gm)].map((m) => m[1]);
})();

describe('the metric names of infra/', () => {
  it('are meters the services export to CloudWatch, with the registry suffix', () => {
    expect(exported.length).toBeGreaterThan(5);
    for (const name of Object.values(METRIC)) {
      const meter = name.replace(/\.(count|value|avg|max|sum)$/, '');
      expect(exported, `${name}: ${meter} in cmep.metrics.cloudwatch-exported`).toContain(meter);
    }
  });

  it('use the namespace and the common dimensions the services are configured with', () => {
    expect(platformYml).toContain(`namespace: \${CMEP_METRICS_NAMESPACE:${METRICS_NAMESPACE}}`);
    expect(platformYml).toMatch(/tags:\n\s+# [^\n]*\n\s+service: /);
    expect(platformYml).toMatch(/\n\s+env: \$\{APP_ENV:/);
  });

  it('use dimension keys that the services put on their meters', () => {
    const { service, env, ...tagged } = DIM;
    expect([service, env]).toEqual(['service', 'env']);
    for (const key of Object.values(tagged)) {
      const pattern = key === 'name'
        ? /r2dbc/ // the pool's meters are Spring Boot's, tagged with the pool's name
        : new RegExp(`"${key}"`);
      expect(mainCode, `a meter tagged "${key}" in the services' code`).toMatch(pattern);
    }
  });
});
