package pe.cmep.gateway.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the HTTP server waits on a client before it gives up on the connection, so that neither a silent
 * nor a slowly dripping client holds one for ever (docs/decisions.md #18).
 *
 * @param idleTimeout    no request in flight and no whole request line or header decoded: a kept-alive
 *                       connection nobody uses, or one whose request head trickles in a byte at a time (the
 *                       timer counts decoded messages, not bytes). Longer than the idle timeout of the load
 *                       balancer in front, which must be the one to close first.
 * @param readTimeout    between two reads of a request body
 * @param requestTimeout for a whole request body, an upload of 10 MiB on a slow line included
 */
@ConfigurationProperties("cmep.http")
public record HttpServerProperties(
        @DefaultValue("75s") Duration idleTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("120s") Duration requestTimeout) {
}
