package pe.cmep.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortClashIT {

    @Test
    void busy_port_fails_the_start_and_names_the_server(@TempDir Path home) throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int busy = squatter.getLocalPort();

            assertThatThrownBy(() -> StandIns.start(new StandInsSettings(home, 0, busy, 0, List.of())))
                    .isInstanceOfSatisfying(PortBusyException.class, e -> {
                        assertThat(e.server()).isEqualTo("ElasticMQ");
                        assertThat(e.port()).isEqualTo(busy);
                    });
        }
        assertThat(home).isEmptyDirectory();
    }
}
