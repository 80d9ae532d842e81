package pe.cmep.gateway.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection on a plain socket, kept open and reused for every request as browsers and load
 * balancers do, with nothing between the test and the server's bytes: no client library that retries, pools or
 * repairs anything. A response that does not arrive within the timeout is a {@link SocketTimeoutException}.
 */
public final class RawHttpConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawHttpConnection(int port, Duration timeout) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request with {@code Host} and, when there is a body, {@code Content-Length}; reads its response. */
    public Response send(String method, String path, Map<String, String> headers, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head(method, path, headers, body == null ? null : content.length));
        request.writeBytes(content);
        return sendRaw(request.toByteArray());
    }

    /**
     * As {@link #send}, but the body follows the head only after {@code pause}, as from a slow client: the server
     * has long routed the request when its body arrives.
     */
    public Response sendBodyLate(String method, String path, Map<String, String> headers, String body,
                                 Duration pause) throws IOException, InterruptedException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        out.write(head(method, path, headers, content.length));
        out.flush();
        Thread.sleep(pause.toMillis());
        return sendRaw(content);
    }

    private byte[] head(String method, String path, Map<String, String> headers, Integer contentLength) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(socket.getPort()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (contentLength != null) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code bytes} as they are (a malformed request, say) and reads one response. */
    public Response sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return read();
    }

    /** True once the server has closed the connection: a read returns end of stream within the socket timeout. */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private Response read() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("Connection closed before a response");
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("close".equalsIgnoreCase(headers.get("connection"))) {
            body = in.readAllBytes();
        } else {
            body = new byte[0];
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
             size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
            body.writeBytes(in.readNBytes(size));
            line();
        }
        String trailer;
        do {
            trailer = line();
        } while (trailer != null && !trailer.isEmpty());
        return body.toByteArray();
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    public record Response(int status, Map<String, String> headers, String body) {
    }
}
