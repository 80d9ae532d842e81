package pe.cmep.localstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code main} of a JVM that runs one MariaDB stand-in until it is sent SIGTERM, the way {@code ./cmep up} ends the
 * stand-ins: its shutdown hooks then run, which an in-process stop never does. Prints {@code ready <port>}.
 */
final class MariaDbInOwnJvm {

    static final String READY = "ready ";

    private MariaDbInOwnJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Ports.resolve(0, MariaDbStandIn.SERVER);
        MariaDbStandIn.start(Path.of(args[0]), port);
        System.out.println(READY + port);
        new CountDownLatch(1).await();
    }
}
