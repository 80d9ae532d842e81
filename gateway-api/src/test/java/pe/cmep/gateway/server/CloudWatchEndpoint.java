package pe.cmep.gateway.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;

/**
 * A local HTTP endpoint answering the CloudWatch API's PutMetricData as AWS does, so the real CloudWatch client
 * of the metrics registry can be pointed at it. It keeps every datum it was sent. The SDK speaks Smithy RPC v2
 * CBOR to CloudWatch (and gzips large bodies), so that is what is decoded here.
 */
final class CloudWatchEndpoint implements AutoCloseable {

    /** One metric datum as it reached CloudWatch. */
    record Datum(String namespace, String name, Map<String, String> dimensions, double value) {
    }

    private static final byte[] EMPTY_CBOR_MAP = {(byte) 0xA0};

    private final HttpServer server;
    private final List<Datum> data = new CopyOnWriteArrayList<>();
    private final List<String> operations = new CopyOnWriteArrayList<>();

    CloudWatchEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Datum> data() {
        return List.copyOf(data);
    }

    List<String> operations() {
        return List.copyOf(operations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            operations.add(path.substring(path.lastIndexOf('/') + 1));
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            Object request = read(new CBORFactory().createParser(body.readAllBytes()));
            if (path.endsWith("/PutMetricData") && request instanceof Map<?, ?> put) {
                record(put);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/cbor");
            exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
            exchange.sendResponseHeaders(200, EMPTY_CBOR_MAP.length);
            exchange.getResponseBody().write(EMPTY_CBOR_MAP);
        }
    }

    private void record(Map<?, ?> put) {
        String namespace = (String) put.get("Namespace");
        for (Object item : (List<?>) put.get("MetricData")) {
            Map<?, ?> datum = (Map<?, ?>) item;
            Map<String, String> dimensions = new LinkedHashMap<>();
            Object dims = datum.get("Dimensions");
            if (dims != null) {
                for (Object d : (List<?>) dims) {
                    Map<?, ?> dimension = (Map<?, ?>) d;
                    dimensions.put((String) dimension.get("Name"), (String) dimension.get("Value"));
                }
            }
            Object value = datum.get("Value");
            data.add(new Datum(namespace, (String) datum.get("MetricName"), dimensions,
                    value == null ? Double.NaN : ((Number) value).doubleValue()));
        }
    }

    private static Object read(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        return token == null ? Map.of() : value(parser, token);
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    map.put(name, value(parser, parser.nextToken()));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(value(parser, t));
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            // timestamps are tagged CBOR values the parser hands over as embedded objects or numbers
            default -> parser.getText();
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
