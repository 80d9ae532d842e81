import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The shared AWS resource names, read at synth time from the one file that defines them
 * (events-schema/src/main/resources/cmep-aws-resources.properties), by the same rules as
 * pe.cmep.localstack.QueueProvisioner and localstack/docker/init-aws.sh. Nothing here repeats a name.
 */
export const AWS_RESOURCES_FILE = path.resolve(
  __dirname, '..', '..', 'events-schema', 'src', 'main', 'resources', 'cmep-aws-resources.properties');

/** The queue roles (keys under cmep.aws.queues.) the IAM wiring of lib/services.ts knows. */
export const QUEUE_ROLES = ['solicitud-events', 'file-events', 'maintenance'] as const;
export type QueueRole = typeof QUEUE_ROLES[number];

export interface QueueSpec {
  readonly role: QueueRole;
  readonly name: string;
  readonly fifo: boolean;
  readonly dlqName: string;
}

export interface AwsResourceNames {
  /** cmep.aws.bucket: the prefix of the files bucket's name (the account and region are appended). */
  readonly bucket: string;
  readonly queues: Readonly<Record<QueueRole, QueueSpec>>;
  readonly dlqMaxReceiveCount: number;
}

/** A minimal java.util.Properties reader: key=value or key:value lines, '#'/'!' comments, trailing '\' joins. */
export function parseProperties(text: string): Map<string, string> {
  const result = new Map<string, string>();
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].replace(/^\s+/, '');
    }
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (m) result.set(m[1], m[2].replace(/\s+$/, ''));
    else result.set(line.trim(), '');
  }
  return result;
}

/** The DLQ of <name> is <name>-dlq, or <base>-dlq.fifo for <base>.fifo. */
export function dlqNameOf(name: string): string {
  return name.endsWith('.fifo') ? `${name.slice(0, -'.fifo'.length)}-dlq.fifo` : `${name}-dlq`;
}

export function loadAwsResources(file: string = AWS_RESOURCES_FILE): AwsResourceNames {
  if (!fs.existsSync(file)) {
    throw new Error(`cmep infra: the AWS resource names file ${file} does not exist`);
  }
  const props = parseProperties(fs.readFileSync(file, 'utf8'));
  const required = (key: string): string => {
    const value = props.get(key);
    if (!value) throw new Error(`cmep infra: ${key} is missing or empty in ${file}`);
    return value;
  };
  const bucket = required('cmep.aws.bucket');
  if (!/^[a-z0-9][a-z0-9.-]{1,30}[a-z0-9]$/.test(bucket)) {
    throw new Error(`cmep infra: cmep.aws.bucket=${bucket} is not a valid bucket-name prefix (lower case, at most 32 chars)`);
  }
  const countText = required('cmep.aws.dlq-max-receive-count');
  const dlqMaxReceiveCount = Number(countText);
  if (!Number.isInteger(dlqMaxReceiveCount) || dlqMaxReceiveCount < 1 || dlqMaxReceiveCount > 1000) {
    throw new Error(`cmep infra: cmep.aws.dlq-max-receive-count=${countText} must be an integer 1..1000 (SQS limit)`);
  }
  const prefix = 'cmep.aws.queues.';
  const found = [...props.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  const unknown = found.filter((role) => !(QUEUE_ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) {
    throw new Error(`cmep infra: ${file} declares queue role(s) ${unknown.join(', ')} that the infra does not wire `
      + '(which service sends, which consumes?): add them to QUEUE_ROLES and lib/services.ts');
  }
  const queues = {} as Record<QueueRole, QueueSpec>;
  for (const role of QUEUE_ROLES) {
    const name = required(prefix + role);
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name.replace(/\.fifo$/, '')) || name.length > 80) {
      throw new Error(`cmep infra: queue name ${name} (${prefix + role}) is not a valid SQS queue name`);
    }
    const dlqName = dlqNameOf(name);
    if (dlqName.length > 80) throw new Error(`cmep infra: DLQ name ${dlqName} exceeds 80 characters`);
    queues[role] = { role, name, fifo: name.endsWith('.fifo'), dlqName };
  }
  return { bucket, queues, dlqMaxReceiveCount };
}
