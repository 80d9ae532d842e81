/** The three services: names (= spring.application.name = the `service` metric dimension), images, ports. */
export interface ServiceSpec {
  /** spring.application.name; also the ECS service name suffix and the `service` metric dimension. */
  readonly name: 'gateway-api' | 'workflow-worker' | 'file-worker';
  /** ECR repository name. */
  readonly repositoryName: string;
  /** server.port of the service (application.yml). */
  readonly port: number;
  /** The HTTP path of the health endpoint the container health check calls on that port. */
  readonly healthPath: string;
}

export const GATEWAY: ServiceSpec = {
  name: 'gateway-api', repositoryName: 'cmep/gateway-api', port: 8080, healthPath: '/health',
};
export const WORKFLOW_WORKER: ServiceSpec = {
  name: 'workflow-worker', repositoryName: 'cmep/workflow-worker', port: 8082, healthPath: '/actuator/health',
};
export const FILE_WORKER: ServiceSpec = {
  name: 'file-worker', repositoryName: 'cmep/file-worker', port: 8083, healthPath: '/actuator/health',
};
export const SERVICES: readonly ServiceSpec[] = [GATEWAY, WORKFLOW_WORKER, FILE_WORKER];
