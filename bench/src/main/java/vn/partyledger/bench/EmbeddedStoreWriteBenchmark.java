package vn.partyledger.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import vn.partyledger.infra.mongo.EmbeddedMongoServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Acknowledged single-document writes per second on the embedded default store (H2 MVStore file), with 1 and with 8
 * concurrent writers, each on its own thread through one driver client — the shape of concurrent appends.
 * <p>
 * Settings (environment variables, which is how they reach the JVM that exec:exec forks): {@code BENCH_WRITERS}
 * (default {@code 1,8}), {@code BENCH_SECONDS} per run (default 10), {@code BENCH_H2CACHEMB} (default 256, as the
 * application). The store lives in a fresh temporary directory for each run.
 * <p>
 * Run: {@code ./mvnw -q -B -pl bench -am -DskipTests package exec:exec
 * -Dbench.main=vn.partyledger.bench.EmbeddedStoreWriteBenchmark}
 */
public final class EmbeddedStoreWriteBenchmark {

    /** About the size of one stored event with its metadata. */
    private static final String PAYLOAD = "x".repeat(600);

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(setting("BENCH_SECONDS", "10"));
        int cacheMb = Integer.parseInt(setting("BENCH_H2CACHEMB", "256"));
        for (String writers : setting("BENCH_WRITERS", "1,8").split(",")) {
            run(Integer.parseInt(writers.trim()), seconds, cacheMb);
        }
    }

    private static void run(int writers, int seconds, int cacheMb) throws Exception {
        Path dir = Files.createTempDirectory("write-bench-");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(dir.resolve("bench.mv"), 0, cacheMb);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("bench").getCollection("events");
            events.insertOne(new Document("_id", "warm-up"));
            AtomicLong written = new AtomicLong();
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String prefix = "w" + w + "-";
                Thread thread = new Thread(() -> {
                    for (long n = 0; System.nanoTime() < deadline; n++) {
                        events.insertOne(new Document("_id", prefix + n).append("payload", PAYLOAD));
                        written.incrementAndGet();
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            System.out.printf(Locale.ROOT, "writers=%d writes=%d writes/s=%.0f %s compactions=%d storeBytes=%d%n",
                    writers, written.get(), written.get() / (double) seconds, server.durability(),
                    server.compactions(), Files.size(dir.resolve("bench.mv")));
        } finally {
            deleteRecursively(dir);
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
