package vn.partyledger.infra.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * Run in a child JVM by {@link DurableEmbeddedStoreTest}: starts the embedded server on a store file and has four
 * threads insert documents through the driver for ever, printing the id of each insert once it is acknowledged. The
 * test kills this process with SIGKILL, so nothing here ever closes the store.
 */
public final class AcknowledgingWriter {

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(Path.of(args[0]), 0, 16);
        MongoClient client = MongoClients.create(server.connectionString());
        MongoCollection<Document> events = client.getDatabase("partyledger").getCollection("events");
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String prefix = "w" + w + "-";
            Thread writer = new Thread(() -> {
                for (long n = 0; ; n++) {
                    String id = prefix + n;
                    events.insertOne(new Document("_id", id).append("payload", "x".repeat(500)));
                    acknowledged(id);
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }

    private static synchronized void acknowledged(String id) {
        System.out.println("ACK " + id);
        System.out.flush();
    }
}
