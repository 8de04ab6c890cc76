package vn.partyledger.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class KafkaHealthIndicatorTest {

    @Test
    void isDownWithinSecondsWhenNoBrokerAnswers() throws IOException {
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(
                new KafkaEndpoint("127.0.0.1:" + closedPort(), false), Duration.ofSeconds(1));
        try {
            long started = System.nanoTime();
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        } finally {
            indicator.destroy();
        }
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
