import { Duration } from 'aws-cdk-lib';
import * as cw from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { QUEUE_ROLES, QueueRole } from './aws-resources';
import { CmepConfig } from './config';
import { DIM, METRIC, METRICS_NAMESPACE } from './metric-names';
import { QueuePair } from './queues';
import { CmepService, Services } from './services';
import { FILE_WORKER, GATEWAY, WORKFLOW_WORKER } from './service-catalog';

export interface MonitoringProps {
  readonly config: CmepConfig;
  readonly services: Services;
  readonly queues: Readonly<Record<QueueRole, QueuePair>>;
  readonly database: rds.DatabaseInstance;
}

/** The outbox oldest-age alarm: older than this (seconds) for OUTBOX_AGE_PERIODS consecutive minutes. */
export const OUTBOX_AGE_THRESHOLD_SECONDS = 60;
export const OUTBOX_AGE_PERIODS = 3;

/**
 * SNS topic, alarms (each one costs $0.10/month, so only those someone would act on) and the one dashboard.
 * Application metric names come from lib/metric-names.ts only.
 */
export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cw.Alarm[] = [];
  readonly dashboard: cw.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { config, services, queues } = props;
    const env = config.envName;
    const prefix = `cmep-${env}`;

    this.topic = new sns.Topic(this, 'AlarmTopic', {
      topicName: `${prefix}-alarms`,
      displayName: `CMEP ${env} alarms`,
      enforceSSL: true,
    });
    if (config.alarmEmail) {
      this.topic.addSubscription(new subs.EmailSubscription(config.alarmEmail));
    }
    const action = new cwActions.SnsAction(this.topic);
    const alarm = (alarmId: string, alarmProps: cw.AlarmProps): cw.Alarm => {
      const a = new cw.Alarm(this, alarmId, alarmProps);
      a.addAlarmAction(action);
      a.addOkAction(action);
      this.alarms.push(a);
      return a;
    };
    const appMetric = (metricName: string, service: string, statistic: string, period: Duration) =>
      applicationMetric(env, metricName, service, statistic, period);

    // a) the seed's alarm: "5xx responses exceed 5 in 5 minutes"
    const errors5xx = appMetric(METRIC.httpServerErrors, GATEWAY.name, cw.Stats.SUM, Duration.minutes(5));
    alarm('Http5xx', {
      alarmName: `${prefix}-gateway-5xx`,
      alarmDescription: 'More than 5 HTTP 5xx answers from gateway-api in 5 minutes',
      metric: errors5xx,
      threshold: 5,
      comparisonOperator: cw.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      // the counter only exists after the first 5xx: no data is the normal, healthy case
      treatMissingData: cw.TreatMissingData.NOT_BREACHING,
    });

    // b) anything in a dead-letter queue needs a human
    for (const role of QUEUE_ROLES) {
      const { dlq } = queues[role];
      alarm(`Dlq-${role}`, {
        alarmName: `${prefix}-dlq-${role}`,
        alarmDescription: `Messages in the dead-letter queue of ${role} (docs/runbook.md, "Drain a dead-letter queue")`,
        metric: dlq.metricApproximateNumberOfMessagesVisible({ statistic: cw.Stats.MAXIMUM, period: Duration.minutes(1) }),
        threshold: 0,
        comparisonOperator: cw.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        // SQS stops reporting idle empty queues after a few hours: no data means empty
        treatMissingData: cw.TreatMissingData.NOT_BREACHING,
      });
    }

    // c) events stuck in the outbox. Missing data is BREACHING: every running gateway publishes this gauge every
    // minute, so no data means no gateway is reporting (all down, or cannot reach CloudWatch) and nobody is
    // publishing events either.
    const outboxAge = appMetric(METRIC.outboxOldestAge, GATEWAY.name, cw.Stats.MAXIMUM, Duration.minutes(1));
    alarm('OutboxAge', {
      alarmName: `${prefix}-outbox-oldest-age`,
      alarmDescription: `Oldest unpublished outbox event older than ${OUTBOX_AGE_THRESHOLD_SECONDS} s for `
        + `${OUTBOX_AGE_PERIODS} minutes, or gateway-api not reporting`,
      metric: outboxAge,
      threshold: OUTBOX_AGE_THRESHOLD_SECONDS,
      comparisonOperator: cw.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: OUTBOX_AGE_PERIODS,
      datapointsToAlarm: OUTBOX_AGE_PERIODS,
      treatMissingData: cw.TreatMissingData.BREACHING,
    });

    // d) p99 latency at the load balancer
    const alb = services.loadBalancer;
    const p99 = alb.metrics.targetResponseTime({ statistic: 'p99', period: Duration.minutes(5) });
    alarm('LatencyP99', {
      alarmName: `${prefix}-api-latency-p99`,
      alarmDescription: `API p99 latency above ${config.p99LatencyThresholdSeconds} s over 5 minutes`,
      metric: p99,
      threshold: config.p99LatencyThresholdSeconds,
      comparisonOperator: cw.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cw.TreatMissingData.NOT_BREACHING, // no requests, no latency
    });

    // e) no healthy gateway behind the ALB (the API is down)
    alarm('GatewayHealthyHosts', {
      alarmName: `${prefix}-gateway-no-healthy-task`,
      alarmDescription: 'No healthy gateway-api task behind the load balancer for 3 minutes',
      metric: services.targetGroup.metrics.healthyHostCount({ statistic: cw.Stats.MINIMUM, period: Duration.minutes(1) }),
      threshold: 1,
      comparisonOperator: cw.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: cw.TreatMissingData.BREACHING,
    });

    // f) a worker with no running task (no CPU datapoints: missing is breaching) or pegged at 0.25 vCPU
    for (const w of [services.workflowWorker, services.fileWorker]) {
      alarm(`WorkerDownOrSaturated-${w.spec.name}`, {
        alarmName: `${prefix}-${w.spec.name}-down-or-saturated`,
        alarmDescription: `${w.spec.name}: no running task, or CPU above 90% for 5 minutes`,
        metric: w.service.metricCpuUtilization({ statistic: cw.Stats.MAXIMUM, period: Duration.minutes(1) }),
        threshold: 90,
        comparisonOperator: cw.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 5,
        datapointsToAlarm: 5,
        treatMissingData: cw.TreatMissingData.BREACHING,
      });
    }

    this.dashboard = this.buildDashboard(props, { errors5xx, outboxAge });
  }

  private buildDashboard(props: MonitoringProps, m: { errors5xx: cw.Metric; outboxAge: cw.Metric }): cw.Dashboard {
    const { config, services, queues, database } = props;
    const env = config.envName;
    const five = Duration.minutes(5);
    const one = Duration.minutes(1);
    const ns = METRICS_NAMESPACE;
    /** CloudWatch SEARCH over the namespace with exactly these dimension keys, for series whose values vary. */
    const search = (metricName: string, keys: string[], filters: Record<string, string>, stat: string,
      period: Duration, label: string) => {
      const schema = `{${[ns, ...[...keys].sort()].join(',')}}`;
      const f = Object.entries(filters).map(([k, v]) => ` ${k}="${v}"`).join('');
      return new cw.MathExpression({
        expression: `SEARCH('${schema} MetricName="${metricName}"${f}', '${stat}', ${period.toSeconds()})`,
        usingMetrics: {},
        label,
        period,
      });
    };
    const app = (metricName: string, service: string, stat: string, period: Duration, label: string) =>
      applicationMetric(env, metricName, service, stat, period, label);
    const graph = (title: string, left: cw.IMetric[], width = 8, leftYAxis?: cw.YAxisProps) =>
      new cw.GraphWidget({ title, left, width, height: 6, leftYAxis });
    const ecsRow = (s: CmepService) => [
      s.service.metricCpuUtilization({ period: one, label: `${s.spec.name} CPU %` }),
      s.service.metricMemoryUtilization({ period: one, label: `${s.spec.name} memory %` }),
    ];

    const dashboard = new cw.Dashboard(this, 'Dashboard', {
      dashboardName: `cmep-${env}`,
      defaultInterval: Duration.hours(6),
    });
    const alb = services.loadBalancer;
    const envFilter = { [DIM.env]: env };
    dashboard.addWidgets(
      new cw.TextWidget({
        markdown: `# CMEP ${env}\nApplication metrics: namespace \`${ns}\` (Micrometer, 1-minute step). `
          + 'Alarms go to the SNS topic; see docs/aws-deployment.md.',
        width: 24, height: 2,
      }),
    );
    dashboard.addWidgets(
      new cw.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 3 }),
    );
    dashboard.addWidgets(
      graph('gateway-api 5xx answers (5 min)', [m.errors5xx.with({ label: '5xx' })]),
      graph('HTTP requests by route and status class (5 min)', [search(METRIC.httpServerRequests,
        [DIM.service, DIM.env, DIM.route, DIM.method, DIM.statusClass],
        { [DIM.service]: GATEWAY.name, ...envFilter }, 'Sum', five, '')]),
      graph('API latency at the ALB (s)', [
        alb.metrics.targetResponseTime({ statistic: 'p50', period: one, label: 'p50' }),
        alb.metrics.targetResponseTime({ statistic: 'p99', period: one, label: 'p99' }),
      ]),
    );
    dashboard.addWidgets(
      graph('Outbox backlog (rows)', [app(METRIC.outboxBacklog, GATEWAY.name, 'Maximum', one, 'backlog')]),
      graph('Outbox oldest pending age (s)', [m.outboxAge.with({ label: 'oldest age' })]),
      graph('Outbox publish failures', [app(METRIC.outboxPublishFailures, GATEWAY.name, 'Sum', one, 'failures')]),
    );
    dashboard.addWidgets(
      graph('Listener messages by outcome', [search(METRIC.listenerMessages,
        [DIM.service, DIM.env, DIM.listener, DIM.outcome], envFilter, 'Sum', five, '')]),
      graph('Listener lag avg (ms)', [search(METRIC.listenerLagAvg,
        [DIM.service, DIM.env, DIM.listener], envFilter, 'Average', one, '')]),
      graph('Listener lag max (ms)', [search(METRIC.listenerLagMax,
        [DIM.service, DIM.env, DIM.listener], envFilter, 'Maximum', one, '')]),
    );
    dashboard.addWidgets(
      graph('File verdicts', [search(METRIC.filesVerdicts,
        [DIM.service, DIM.env, DIM.verdict], { [DIM.service]: FILE_WORKER.name, ...envFilter }, 'Sum', five, '')]),
      graph('Sessions removed by the clean-up', [
        app(METRIC.sessionsRemoved, WORKFLOW_WORKER.name, 'Sum', Duration.hours(1), 'removed')]),
      graph('DB pool: acquired / pending connections', [
        search(METRIC.dbPoolAcquired, [DIM.service, DIM.env, DIM.poolName], envFilter, 'Maximum', one, ''),
        search(METRIC.dbPoolPending, [DIM.service, DIM.env, DIM.poolName], envFilter, 'Maximum', one, ''),
      ]),
    );
    dashboard.addWidgets(
      graph('Queue depth (visible)', QUEUE_ROLES.map((r) => queues[r].queue
        .metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: one, label: r }))),
      graph('Dead-letter queue depth (visible)', QUEUE_ROLES.map((r) => queues[r].dlq
        .metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: one, label: `${r} DLQ` }))),
      graph('Oldest message age (s)', QUEUE_ROLES.map((r) => queues[r].queue
        .metricApproximateAgeOfOldestMessage({ statistic: 'Maximum', period: one, label: r }))),
    );
    dashboard.addWidgets(
      graph('RDS CPU %', [database.metricCPUUtilization({ period: one })]),
      graph('RDS connections', [database.metricDatabaseConnections({ period: one })]),
      graph('RDS free storage (bytes)', [database.metricFreeStorageSpace({ period: five })]),
    );
    dashboard.addWidgets(
      graph('gateway-api CPU / memory %', ecsRow(services.gateway), 8, { min: 0, max: 100 }),
      graph('workflow-worker CPU / memory %', ecsRow(services.workflowWorker), 8, { min: 0, max: 100 }),
      graph('file-worker CPU / memory %', ecsRow(services.fileWorker), 8, { min: 0, max: 100 }),
    );
    return dashboard;
  }
}

/** A metric the services publish (namespace CMEP), selected by its service and environment dimensions. */
function applicationMetric(env: string, metricName: string, service: string, statistic: string, period: Duration,
  label?: string): cw.Metric {
  return new cw.Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { [DIM.service]: service, [DIM.env]: env },
    statistic,
    period,
    label,
  });
}
