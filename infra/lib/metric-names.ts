/**
 * Every application metric the alarms and the dashboard read: the CloudWatch namespace, the metric names as the
 * Micrometer CloudWatch registry publishes them (meter name + ".count" for counters, ".value" for gauges,
 * ".avg"/".max"/".sum"/".count" for timers) and the dimension keys.
 *
 * THESE MUST MATCH THE JAVA SIDE: pe.cmep.platform.metrics (CloudWatchExport / ListenerMetrics),
 * pe.cmep.gateway.server.HttpMetrics, the outbox relay's gauges, and `cmep.metrics.cloudwatch-exported`,
 * `management.metrics.tags` and `management.cloudwatch.metrics.export.namespace` in
 * platform/src/main/resources/cmep-platform.yml. A metric renamed there and not here leaves an alarm on
 * INSUFFICIENT_DATA (or, for treatMissingData=BREACHING, in ALARM) and an empty dashboard graph.
 * This is the only file of infra/ that names them.
 */
export const METRICS_NAMESPACE = 'CMEP';

/** Dimension keys every application metric carries (management.metrics.tags). */
export const DIM = {
  service: 'service',
  env: 'env',
  route: 'route',
  method: 'method',
  statusClass: 'status_class',
  listener: 'listener',
  outcome: 'outcome',
  verdict: 'estado',
  poolName: 'name',
} as const;

export const METRIC = {
  /** gateway-api, counter, no extra tags: every 5xx answer (the "more than 5 in 5 minutes" alarm). */
  httpServerErrors: 'cmep.http.server.errors.count',
  /** gateway-api, counter, tags route, method, status_class. */
  httpServerRequests: 'cmep.http.server.requests.count',
  /** gateway-api, gauge: outbox rows not yet published. */
  outboxBacklog: 'cmep.outbox.backlog.value',
  /** gateway-api, gauge (seconds): age of the oldest unpublished outbox row. */
  outboxOldestAge: 'cmep.outbox.oldest.age.value',
  /** gateway-api, counter: relay publish failures. */
  outboxPublishFailures: 'cmep.outbox.publish.failures.count',
  /** workers, counter, tags listener, outcome (consumed | failed | dead_lettered). */
  listenerMessages: 'cmep.listener.messages.count',
  /** workers, timer (milliseconds), tag listener: queue arrival to end of handling. */
  listenerLagAvg: 'cmep.listener.lag.avg',
  listenerLagMax: 'cmep.listener.lag.max',
  /** file-worker, counter, tag estado (VERIFICADO | RECHAZADO). */
  filesVerdicts: 'cmep.files.verdicts.count',
  /** workflow-worker, counter: sessions deleted by the clean-up. */
  sessionsRemoved: 'cmep.sessions.removed.count',
  /** every service, gauges, tag name (the pool). */
  dbPoolAcquired: 'r2dbc.pool.acquired.value',
  dbPoolPending: 'r2dbc.pool.pending.value',
} as const;

export const LISTENER_OUTCOMES = ['consumed', 'failed', 'dead_lettered'] as const;
