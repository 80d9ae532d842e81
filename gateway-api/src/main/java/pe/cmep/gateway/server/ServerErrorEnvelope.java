package pe.cmep.gateway.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import pe.cmep.gateway.web.Envelope;
import pe.cmep.gateway.web.ErrorCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the contract's error envelope (api.md §0 D1) into the errors that the HTTP server itself answers before
 * any route runs: a request line or header it cannot decode, a URL or headers over the server's limits, a
 * response that failed before its first byte. Reactor Netty sends those with an empty body; every response of
 * the application carries a body with a content type, so an error without either is the server's own.
 * Stateless, shared by every connection.
 */
@ChannelHandler.Sharable
final class ServerErrorEnvelope extends ChannelOutboundHandlerAdapter {

    private final Map<Integer, byte[]> bodies;
    private final byte[] badRequest;

    ServerErrorEnvelope(JsonMapper mapper) {
        Function<Problem, byte[]> json = p -> mapper.writeValueAsBytes(Envelope.failure(p.code(), p.message(), null));
        this.bodies = Stream.of(
                        new Problem(HttpResponseStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST, "Solicitud HTTP malformada"),
                        new Problem(HttpResponseStatus.REQUEST_URI_TOO_LONG, ErrorCode.BAD_REQUEST,
                                "La URL de la solicitud es demasiado larga"),
                        new Problem(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, ErrorCode.BAD_REQUEST,
                                "Las cabeceras de la solicitud son demasiado grandes"),
                        new Problem(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE,
                                "Solicitud demasiado grande"),
                        new Problem(HttpResponseStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR,
                                "Error interno del servidor"))
                .collect(Collectors.toUnmodifiableMap(p -> p.status().code(), json));
        this.badRequest = bodies.get(HttpResponseStatus.BAD_REQUEST.code());
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof FullHttpResponse response && isBare(response)) {
            byte[] body = bodies.getOrDefault(response.status().code(), badRequest);
            FullHttpResponse enveloped = response.replace(Unpooled.wrappedBuffer(body));
            enveloped.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            response.release();
            ctx.write(enveloped, promise);
            return;
        }
        ctx.write(msg, promise);
    }

    private static boolean isBare(FullHttpResponse response) {
        return response.status().code() >= 400
                && !response.content().isReadable()
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
    }

    private record Problem(HttpResponseStatus status, ErrorCode code, String message) {
    }
}
