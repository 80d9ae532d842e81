package pe.cmep.localstack;

/** A stand-in could not start because something else already listens on its port. */
public final class PortBusyException extends IllegalStateException {

    private final String server;
    private final int port;

    public PortBusyException(String server, int port) {
        super(server + " cannot listen on port " + port + ": the port is already in use");
        this.server = server;
        this.port = port;
    }

    public String server() {
        return server;
    }

    public int port() {
        return port;
    }
}
