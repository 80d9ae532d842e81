import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AppStack } from './app-stack';
import { AWS_RESOURCES_FILE, loadAwsResources } from './aws-resources';
import { loadConfig } from './config';
import { RegistryStack } from './registry-stack';

export interface CmepApp {
  readonly registry: RegistryStack;
  readonly app: AppStack;
}

/** Builds both stacks from the app's context. Used by bin/cmep.ts and by the tests. */
export function buildApp(app: App, options: { resourcesFile?: string; nag?: boolean } = {}): CmepApp {
  const config = loadConfig(app.node);
  const resources = loadAwsResources(options.resourcesFile ?? AWS_RESOURCES_FILE);
  const env = { account: config.account, region: config.region };

  const registry = new RegistryStack(app, `cmep-${config.envName}-registry`, {
    env,
    description: `CMEP ${config.envName}: container image repositories (deploy first, then push the images)`,
  });
  const appStack = new AppStack(app, `cmep-${config.envName}-app`, {
    env,
    description: `CMEP ${config.envName}: network, database, queues, buckets, CloudFront, ECS services, monitoring`,
    config,
    resources,
  });
  appStack.addStackDependency(registry, 'the services pull their images from the registry stack repositories');

  Tags.of(app).add('app', 'cmep');
  Tags.of(app).add('env', config.envName);
  if (options.nag ?? true) {
    // cdk-nag 3: a policy-validation plugin; findings go to the synth's validation report and fail the synth
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  }
  return { registry, app: appStack };
}
