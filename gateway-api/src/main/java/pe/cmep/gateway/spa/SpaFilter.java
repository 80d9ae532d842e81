package pe.cmep.gateway.spa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.AbstractUrlHandlerMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Serves the built web app on the API's origin when {@code cmep.spa.dir} names it ({@code ./cmep up}); production
 * leaves it unset. For a GET or HEAD outside the API's paths: a file of the build is sent as it is, and any other
 * path a browser navigates to gets {@code index.html}, whose router shows the page (or sends an unknown path to
 * {@code /app}, ui.md J1.3). Everything else — the API's paths for any client, other methods, a client that does
 * not ask for HTML — goes on to the API, 404 envelope included. The paths of the app's own resource handlers count
 * as the API's: Swagger UI's pages under /webjars in the local profile (docs/contract.md).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class SpaFilter implements WebFilter {

    /** The built app loads only its own files; the charts set inline styles, Vite inlines small images as data URIs. */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "object-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action 'self'");

    /** Vite names every file under assets/ by a hash of its content: a new build never reuses a name. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String ASSETS = "assets";
    private static final int CHUNK = 16 * 1024;

    /** Null when no web app is configured: every request goes on to the API. */
    private final Served served;

    public SpaFilter(SpaProperties properties, ObjectProvider<RequestMappingInfoHandlerMapping> mappings,
                     ObjectProvider<HandlerMapping> handlerMappings) {
        this.served = properties.root()
                .map(root -> new Served(SpaFiles.at(root), ApiPaths.of(Stream.concat(
                        mappings.stream()
                                .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                                .flatMap(info -> info.getPatternsCondition().getPatterns().stream())
                                .map(PathPattern::getPatternString),
                        // the resource handlers' mapping is declared as a plain HandlerMapping
                        handlerMappings.stream()
                                .filter(AbstractUrlHandlerMapping.class::isInstance)
                                .map(AbstractUrlHandlerMapping.class::cast)
                                .flatMap(mapping -> mapping.getHandlerMap().keySet().stream())
                                .map(PathPattern::getPatternString)
                                .filter(ApiPaths::startsFixed))
                        .toList())))
                .orElse(null);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpMethod method = request.getMethod();
        if (served == null || !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))) {
            return chain.filter(exchange);
        }
        List<String> segments = segments(request.getPath().pathWithinApplication());
        if (served.api().contains(segments)) {
            return chain.filter(exchange);
        }
        // the file look-up and its size touch the disk: off the event loop
        return Mono.fromCallable(() -> found(segments))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> found
                        .map(file -> send(exchange, file, ASSETS.equals(segments.get(0)) ? IMMUTABLE : "no-cache"))
                        .orElseGet(() -> acceptsHtml(request) ? sendIndex(exchange) : chain.filter(exchange)));
    }

    /** Runs on the bounded-elastic thread that looked the path up. */
    private Mono<Void> sendIndex(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        Sized index;
        try {
            index = sized(served.files().index());
        } catch (IOException e) {
            return Mono.error(e);
        }
        return send(exchange, index, "no-cache");
    }

    private Optional<Sized> found(List<String> segments) throws IOException {
        Optional<Path> file = served.files().file(segments);
        return file.isPresent() ? Optional.of(sized(file.get())) : Optional.empty();
    }

    private static Sized sized(Path file) throws IOException {
        return new Sized(file, Files.size(file));
    }

    private static Mono<Void> send(ServerWebExchange exchange, Sized sized, String cacheControl) {
        ServerHttpResponse response = exchange.getResponse();
        Path file = sized.file();
        response.setStatusCode(HttpStatus.OK);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(contentType(file));
        headers.setContentLength(sized.size());
        headers.setCacheControl(cacheControl);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        return response.writeWith(DataBufferUtils.read(file, response.bufferFactory(), CHUNK));
    }

    private static MediaType contentType(Path file) {
        MediaType type = MediaTypeFactory.getMediaType(file.getFileName().toString())
                .orElse(MediaType.APPLICATION_OCTET_STREAM);
        return "text".equals(type.getType()) ? new MediaType(type, StandardCharsets.UTF_8) : type;
    }

    /** A browser navigation names text/html; fetch and API clients ask for JSON or anything. */
    private static boolean acceptsHtml(ServerHttpRequest request) {
        try {
            return request.getHeaders().getAccept().stream()
                    .anyMatch(type -> MediaType.TEXT_HTML.equalsTypeAndSubtype(type) && type.getQualityValue() > 0);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** Decoded, as the API's routes match them: {@code /solicitude%73} is an API path too. */
    private static List<String> segments(PathContainer path) {
        return path.elements().stream()
                .filter(PathContainer.PathSegment.class::isInstance)
                .map(element -> ((PathContainer.PathSegment) element).valueToMatch())
                .toList();
    }

    private record Served(SpaFiles files, ApiPaths api) {
    }

    private record Sized(Path file, long size) {
    }
}
