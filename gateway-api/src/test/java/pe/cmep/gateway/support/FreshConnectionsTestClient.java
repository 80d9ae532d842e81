package pe.cmep.gateway.support;

import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Gives the tests' WebTestClient a new connection per request. Reactor Netty 1.3.6's server can stop reading a
 * keep-alive connection when the next request arrives while a previous one that completed synchronously (a 401
 * without a database call) is still terminating (reactor/reactor-netty#4347, #4361, fixed after the version
 * Boot 4.0.7 brings): the test then waits 30 s for an answer that never comes. Picked up by the component scan
 * of every test context, so it changes no context's cache key.
 */
@Configuration(proxyBeanMethods = false)
class FreshConnectionsTestClient {

    @Bean
    WebTestClientBuilderCustomizer freshConnections() {
        return builder -> builder.clientConnector(
                new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())));
    }
}
