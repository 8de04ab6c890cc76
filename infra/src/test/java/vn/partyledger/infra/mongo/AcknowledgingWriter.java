package vn.partyledger.infra.mongo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Run in a child JVM by {@link DurableEmbeddedStoreTest}: starts the embedded server on a store file, compacting it as
 * often as it can, and has four threads insert documents through the driver for ever, each also moving its own
 * counter document forward (as the event store does), which leaves dead pages for compaction to collect. Prints
 * {@code ACK <writer> <n>} once insert {@code n} and its counter update are acknowledged, and {@code COMPACTIONS <k>}
 * as compactions happen. The test kills this process with SIGKILL, so nothing here ever closes the store.
 */
public final class AcknowledgingWriter {

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(Path.of(args[0]), 0, 16, Duration.ZERO);
        MongoClient client = MongoClients.create(server.connectionString());
        MongoCollection<Document> events = client.getDatabase("partyledger")
                .getCollection("events").withWriteConcern(WriteConcern.JOURNALED);
        MongoCollection<Document> counters = client.getDatabase("partyledger")
                .getCollection("counters").withWriteConcern(WriteConcern.JOURNALED);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String writer = "w" + w;
            threads.add(new Thread(() -> {
                for (long n = 0; ; n++) {
                    events.insertOne(new Document("_id", writer + "-" + n).append("payload", "x".repeat(500)));
                    counters.updateOne(Filters.eq("_id", writer), Updates.set("n", n),
                            new UpdateOptions().upsert(true));
                    print("ACK " + writer + " " + n);
                }
            }));
        }
        threads.add(new Thread(() -> {
            for (long reported = 0; ; ) {
                if (server.compactions() > reported) {
                    reported = server.compactions();
                    print("COMPACTIONS " + reported);
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }));
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
