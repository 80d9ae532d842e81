package pe.cmep.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port choice and checks, done before any server starts so a clash is reported by name. */
final class Ports {

    static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /** The given port, or a free one when it is 0; the port is fixed from then on so restarts reuse it. */
    static int resolve(int port, String server) {
        if (port != 0) {
            requireFree(port, server);
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for " + server, e);
        }
    }

    static void requireFree(int port, String server) {
        try (ServerSocket socket = new ServerSocket()) {
            // like the servers themselves: a port left in TIME_WAIT by the last run is free, a listener is not
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
        } catch (IOException e) {
            throw new PortBusyException(server, port);
        }
    }
}
