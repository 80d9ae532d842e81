package pe.cmep.workflow.reportes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import pe.cmep.platform.events.ProcessedEventRetention;

/**
 * Settings of the report aggregates (docs/reports.md).
 *
 * @param consumerEnabled  whether this process consumes the solicitud events (off for the one-shot rebuild)
 * @param command          {@code none}, or {@code rebuild}: recompute the aggregates from the source tables and exit
 * @param consumerName     the name under which {@code processed_event} remembers the applied events
 * @param visibilitySeconds how long a received event stays hidden; a failed one comes back after it, and after the
 *                          queue's max receive count it goes to the dead-letter queue
 * @param maxConcurrentMessages events in process at once, at most the database pool's size: an event held waiting
 *                          for a connection longer than the visibility timeout is delivered again while the first
 *                          delivery still runs (after a 10 s queue outage the system tests saw a backlog of 500
 *                          events held that way, and a solicitud's events applied out of order); two polls of half
 *                          as many run side by side, since a FIFO receive returns messages of few groups
 * @param processedEvents   how long the applied event ids are remembered ({@code processed_event}) and how they
 *                          are pruned
 */
@ConfigurationProperties("cmep.reports")
public record ReportesProperties(
        @DefaultValue("true") boolean consumerEnabled,
        @DefaultValue("none") String command,
        @DefaultValue("report-aggregates") String consumerName,
        @DefaultValue("30") int visibilitySeconds,
        @DefaultValue("10") int maxConcurrentMessages,
        @DefaultValue ProcessedEventRetention processedEvents) {
}
