package pe.cmep.gateway.server;

import io.netty.channel.ChannelPipeline;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/** The API's HTTP server: its timeouts and the envelope on the errors it answers by itself. */
@Configuration(proxyBeanMethods = false)
class HttpServerConfiguration {

    @Bean
    NettyServerCustomizer connectionTimeoutsAndErrorEnvelope(HttpServerProperties properties, JsonMapper mapper) {
        ServerErrorEnvelope envelope = new ServerErrorEnvelope(mapper);
        return server -> server
                .idleTimeout(properties.idleTimeout())
                .readTimeout(properties.readTimeout())
                .requestTimeout(properties.requestTimeout())
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    ChannelPipeline pipeline = channel.pipeline();
                    if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                        pipeline.addAfter(NettyPipeline.HttpCodec, "cmep.serverErrorEnvelope", envelope);
                    }
                });
    }
}
