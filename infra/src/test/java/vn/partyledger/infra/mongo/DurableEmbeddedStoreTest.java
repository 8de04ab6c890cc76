package vn.partyledger.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded H2 store answers a write only once it is on disk, sharing syncs between concurrent writers. */
class DurableEmbeddedStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedWriteSurvivesTheServerProcessBeingKilledWhileItCompacts() throws Exception {
        Path store = dataDir.resolve("mongo").resolve("partyledger.mv");
        Map<String, Long> acknowledged = new HashMap<>(); // writer -> highest n acknowledged
        long compactions = 0;
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), AcknowledgingWriter.class.getName(),
                store.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            int acks = 0;
            for (String line = out.readLine(); line != null && (acks < 2_000 || compactions < 3);
                 line = out.readLine()) {
                acks += record(line, acknowledged);
                compactions = line.startsWith("COMPACTIONS ") ? Long.parseLong(line.substring(12)) : compactions;
            }
            writer.toHandle().destroyForcibly(); // SIGKILL while four writers write and the leader compacts
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // acknowledgements already in the pipe were given before the kill: they count too
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                record(line, acknowledged);
            }
        } finally {
            writer.toHandle().destroyForcibly();
        }
        assertThat(compactions).as("compactions before the kill").isGreaterThanOrEqualTo(3);
        assertThat(acknowledged).hasSize(4);

        try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(store, 0, 16);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("partyledger");
            Set<String> stored = new HashSet<>();
            database.getCollection("events").find().projection(new Document("_id", 1))
                    .forEach(doc -> stored.add(doc.getString("_id")));
            for (Map.Entry<String, Long> last : acknowledged.entrySet()) {
                for (long n = 0; n <= last.getValue(); n++) {
                    assertThat(stored).contains(last.getKey() + "-" + n);
                }
                Document counter = database.getCollection("counters").find(Filters.eq("_id", last.getKey())).first();
                assertThat(counter).isNotNull();
                assertThat(counter.getLong("n")).isGreaterThanOrEqualTo(last.getValue());
            }
        }
    }

    /** Notes an {@code ACK <writer> <n>} line (acknowledged in order per writer); returns 1 if it was one. */
    private static int record(String line, Map<String, Long> acknowledged) {
        if (!line.startsWith("ACK ")) {
            return 0;
        }
        String[] parts = line.split(" ");
        acknowledged.merge(parts[1], Long.parseLong(parts[2]), Math::max);
        return 1;
    }

    @Test
    void concurrentWritersShareSyncsAndReadsNeverSync() throws Exception {
        Path store = dataDir.resolve("mongo").resolve("partyledger.mv");
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(store, 0, 16);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("partyledger")
                    .getCollection("events").withWriteConcern(WriteConcern.JOURNALED);
            events.insertOne(new Document("_id", "first")); // creates the collection and its index alone
            SyncCounts before = server.durability();

            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                String prefix = "w" + w + "-";
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        events.insertOne(new Document("_id", prefix + i).append("payload", "x".repeat(500)));
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
            SyncCounts after = server.durability();
            long writes = after.writes() - before.writes();
            long syncs = after.syncs() - before.syncs();
            System.out.printf("8 concurrent writers: %d writes, %d syncs%n", writes, syncs);
            assertThat(writes).isEqualTo(800);
            assertThat(syncs).isPositive().isLessThan(writes);

            assertThat(events.countDocuments()).isEqualTo(801);
            assertThat(events.find(Filters.eq("_id", "w3-42")).first()).isNotNull();
            assertThat(server.durability()).isEqualTo(after);
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void aWriteThatCannotBeSyncedIsAnsweredWithAnErrorAndLaterWritesAndReadsAreRefused() {
        GroupCommit failingDisk = new GroupCommit(new GroupCommit.Store() {
            @Override
            public void commit() {
            }

            @Override
            public void sync() {
                throw new IllegalStateException("Could not sync file: Input/output error");
            }
        });
        MongoServer server = new MongoServer(new DurableBackend(new MemoryBackend(), failingDisk));
        String connectionString = "mongodb://127.0.0.1:" + server.bind().getPort();
        try (MongoClient client = MongoClients.create(connectionString)) {
            MongoCollection<Document> events = client.getDatabase("partyledger")
                    .getCollection("events").withWriteConcern(WriteConcern.JOURNALED);

            assertThatThrownBy(() -> events.insertOne(new Document("_id", "e-1")))
                    .isInstanceOf(MongoException.class)
                    .hasMessageContaining("Input/output error");
            assertThatThrownBy(() -> events.insertOne(new Document("_id", "e-2")))
                    .isInstanceOf(MongoException.class)
                    .hasMessageContaining("could not write to disk");
            // e-1 is applied in memory but not on disk: a read could see it
            assertThatThrownBy(() -> events.find(Filters.eq("_id", "e-1")).first())
                    .isInstanceOf(MongoException.class)
                    .hasMessageContaining("could not write to disk");
            assertThat(client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok")).isEqualTo(1.0);
        } finally {
            server.shutdownNow();
        }
    }
}
