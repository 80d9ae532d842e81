/** The three services: names (= spring.application.name = the `service` metric dimension), images, ports. */
export interface ServiceSpec {
  /** spring.application.name; also the ECS service name suffix and the `service` metric dimension. */
  readonly name: 'gateway-api' | 'workflow-worker' | 'file-worker';
  /** ECR repository name. */
  readonly repositoryName: string;
  /** server.port of the service (application.yml). */
  readonly port: number;
  /**
   * The HTTP path of the health endpoint the container health check calls on that port. For the workers it is
   * Actuator's liveness group, not the whole health: ECS replaces a task whose check fails, and a worker waiting out
   * an SQS, S3 or database outage is not broken (its listeners retry), so replacing it would only add cold starts.
   */
  readonly healthPath: string;
}

export const GATEWAY: ServiceSpec = {
  name: 'gateway-api', repositoryName: 'cmep/gateway-api', port: 8080, healthPath: '/health',
};
export const WORKFLOW_WORKER: ServiceSpec = {
  name: 'workflow-worker', repositoryName: 'cmep/workflow-worker', port: 8082, healthPath: '/actuator/health/liveness',
};
export const FILE_WORKER: ServiceSpec = {
  name: 'file-worker', repositoryName: 'cmep/file-worker', port: 8083, healthPath: '/actuator/health/liveness',
};
export const SERVICES: readonly ServiceSpec[] = [GATEWAY, WORKFLOW_WORKER, FILE_WORKER];
