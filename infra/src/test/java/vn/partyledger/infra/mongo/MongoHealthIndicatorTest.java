package vn.partyledger.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class MongoHealthIndicatorTest {

    @Test
    void isUpWhenThePingIsAnswered() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory(0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoEndpoint endpoint = new MongoEndpoint(server.connectionString(), true);
            Health health = new MongoHealthIndicator(client.getDatabase("partyledger"), endpoint, Duration.ofSeconds(2))
                    .health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("database", "partyledger").containsEntry("embedded", true);
        }
    }

    @Test
    void isDownWithinSecondsWhenNoServerAnswersInsteadOfWaitingForServerSelection() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        String uri = "mongodb://127.0.0.1:" + port;
        try (MongoClient client = MongoClients.create(uri)) {
            long started = System.nanoTime();
            Health health = new MongoHealthIndicator(client.getDatabase("partyledger"), new MongoEndpoint(uri, false),
                    Duration.ofSeconds(1)).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            // The driver's own server selection timeout is 30 s.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }
}
