import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { AWS_RESOURCES_FILE, dlqNameOf, parseProperties } from '../lib/aws-resources';
import { asArray, removeTempDirs, resourcesOf, Synthesized, synth } from './helpers';

afterAll(removeTempDirs);

/**
 * The names in the template must be exactly those of cmep-aws-resources.properties (read here independently of
 * lib/aws-resources.ts), because the services read the same file from their classpath.
 */
const props = parseProperties(fs.readFileSync(AWS_RESOURCES_FILE, 'utf8'));
const queueNames = [...props.entries()].filter(([k]) => k.startsWith('cmep.aws.queues.')).map(([, v]) => v);
const maxReceiveCount = Number(props.get('cmep.aws.dlq-max-receive-count'));
const bucketPrefix = props.get('cmep.aws.bucket')!;

let s: Synthesized;
beforeAll(() => { s = synth(); });

describe('names from cmep-aws-resources.properties', () => {
  it('the file declares what the tests expect to check', () => {
    expect(queueNames.length).toBe(3);
    expect(maxReceiveCount).toBe(5);
  });

  it('creates exactly the queues of the file and their DLQs, nothing else', () => {
    const queues = resourcesOf(s.appTemplate, 'AWS::SQS::Queue');
    const names = Object.values(queues).map((q) => q.Properties!.QueueName).sort();
    const expected = [...queueNames, ...queueNames.map(dlqNameOf)].sort();
    expect(names).toEqual(expected);
    expect(expected).toContain('cmep-solicitud-events-dlq.fifo');
    expect(expected).toContain('cmep-maintenance-dlq');
  });

  it('redrives each queue to its own DLQ after cmep.aws.dlq-max-receive-count receives', () => {
    const queues = resourcesOf(s.appTemplate, 'AWS::SQS::Queue');
    const byLogicalId = Object.fromEntries(Object.entries(queues).map(([id, q]) => [id, q.Properties!.QueueName]));
    for (const name of queueNames) {
      const [, q] = Object.entries(queues).find(([, r]) => r.Properties!.QueueName === name)!;
      const redrive = q.Properties!.RedrivePolicy;
      expect(redrive.maxReceiveCount).toBe(maxReceiveCount);
      expect(byLogicalId[redrive.deadLetterTargetArn['Fn::GetAtt'][0]]).toBe(dlqNameOf(name));
    }
  });

  it('names the files bucket <cmep.aws.bucket>-<account>-<region>', () => {
    const bucket = s.app.storage.filesBucket;
    const cfn = resourcesOf(s.appTemplate, 'AWS::S3::Bucket')[s.app.getLogicalId(bucket.node.defaultChild as any)];
    expect(cfn.Properties!.BucketName).toBe(`${bucketPrefix}-123456789012-us-east-1`);
    expect(cfn.Properties!.BucketName.startsWith(bucketPrefix)).toBe(true);
  });

  it('gives every service S3_BUCKET = the files bucket and no queue-name overrides', () => {
    const bucketRef = { Ref: s.app.getLogicalId(s.app.storage.filesBucket.node.defaultChild as any) };
    const taskDefs = Object.values(resourcesOf(s.appTemplate, 'AWS::ECS::TaskDefinition'));
    expect(taskDefs).toHaveLength(3);
    for (const td of taskDefs) {
      const env: Array<{ Name: string; Value: unknown }> = td.Properties!.ContainerDefinitions[0].Environment;
      expect(env.find((e) => e.Name === 'S3_BUCKET')!.Value).toEqual(bucketRef);
      // the services take queue names from the properties file on their classpath; nothing may override them
      for (const e of env) {
        expect(e.Name).not.toMatch(/QUEUE|CMEP_AWS_|BUCKET_NAME/);
        for (const n of [...queueNames, ...queueNames.map(dlqNameOf)]) {
          expect(JSON.stringify(e.Value)).not.toContain(n);
        }
      }
    }
  });

  it('points the folded-in schedule at the maintenance queue by its property name', () => {
    const schedule = Object.values(resourcesOf(s.appTemplate, 'AWS::Scheduler::Schedule'))[0];
    const maintenanceId = s.app.getLogicalId(s.app.queues.byRole.maintenance.queue.node.defaultChild as any);
    const arn = schedule.Properties!.Target.Arn['Fn::Sub'];
    expect(arn[1].MaintenanceQueueName).toEqual({ 'Fn::GetAtt': [maintenanceId, 'QueueName'] });
    expect(resourcesOf(s.appTemplate, 'AWS::SQS::Queue')[maintenanceId].Properties!.QueueName)
      .toBe(props.get('cmep.aws.queues.maintenance'));
    expect(asArray(schedule.Properties!.Target.Input)[0]).toContain('session_cleanup');
  });
});
