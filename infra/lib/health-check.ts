import { Duration } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { ServiceSpec } from './service-catalog';

/**
 * The container health check of every service, defined once. The images (Jib, default layout /app/classes,
 * /app/resources, /app/libs) have no curl or wget, so the probe is a tiny JVM running
 * pe.cmep.platform.health.HealthProbe against the service's own health endpoint on loopback
 * (small heap, C1 only, serial GC: it must not compete with the service for the task's 0.5 GB).
 */
export function healthProbeCommand(port: number, path: string): string[] {
  return [
    'CMD', 'java', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xmx24m', '-Xss256k',
    '-cp', '/app/classes:/app/resources:/app/libs/*',
    'pe.cmep.platform.health.HealthProbe', `http://127.0.0.1:${port}${path}`,
  ];
}

export function containerHealthCheck(service: ServiceSpec): ecs.HealthCheck {
  return {
    command: healthProbeCommand(service.port, service.healthPath),
    interval: Duration.seconds(30),
    timeout: Duration.seconds(10),
    retries: 3,
    // JVM start + Flyway (gateway) + Spring Cloud AWS config import: allow 90 s before failures count
    startPeriod: Duration.seconds(90),
  };
}
