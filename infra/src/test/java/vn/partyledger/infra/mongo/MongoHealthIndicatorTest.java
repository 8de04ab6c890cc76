package vn.partyledger.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class MongoHealthIndicatorTest {

    @Test
    void isUpWhenThePingIsAnswered() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory(0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoEndpoint endpoint = new MongoEndpoint(server.connectionString(), true);
            Health health = new MongoHealthIndicator(client.getDatabase("partyledger"), endpoint, Duration.ofSeconds(2),
                    server).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("database", "partyledger").containsEntry("embedded", true);
        }
    }

    @Test
    void isDownWithTheReasonOnceTheEmbeddedStoreRefusesWritesAfterAFailedSync() {
        GroupCommit.Store failingDisk = new GroupCommit.Store() {
            @Override
            public void commit() {
            }

            @Override
            public void sync() {
                throw new IllegalStateException("Could not sync file: Input/output error");
            }
        };
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(new MemoryBackend(), failingDisk, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("partyledger");
            MongoHealthIndicator indicator = new MongoHealthIndicator(database,
                    new MongoEndpoint(server.connectionString(), true), Duration.ofSeconds(2), server);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

            assertThatThrownBy(() -> database.getCollection("events").withWriteConcern(WriteConcern.JOURNALED)
                    .insertOne(new Document("_id", "e-1")))
                    .isInstanceOf(MongoException.class);

            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("reason").toString())
                    .contains("refuses writes").contains("Input/output error");
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
                    Duration.ofSeconds(1), null).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            // The driver's own server selection timeout is 30 s.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }
}
