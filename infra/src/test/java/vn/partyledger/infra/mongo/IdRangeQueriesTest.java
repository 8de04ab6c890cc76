package vn.partyledger.infra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query for a range of string ids is answered by the H2 store from its index of ids (ADR 0061), and finds exactly
 * the documents the memory backend finds by matching every document.
 */
class IdRangeQueriesTest {

    private static final List<String> OPERATORS = List.of("$gt", "$gte", "$lt", "$lte");

    @TempDir
    Path dataDir;

    @Test
    void aRangeOfIdsFindsWhatMatchingEveryDocumentFinds() {
        List<Document> documents = documents();
        List<Document> ranges = ranges(new Random(61), documents);
        List<String> memory;
        MongoServer matchingEveryDocument = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + matchingEveryDocument.bind().getPort())) {
            client.getDatabase("partyledger").getCollection("ranges").insertMany(documents);
            memory = answers(client.getDatabase("partyledger").getCollection("ranges"), ranges);
        } finally {
            matchingEveryDocument.shutdownNow();
        }
        List<String> h2 = new ArrayList<>();
        for (int restart = 0; restart < 2; restart++) { // the second pass reads the ids back from the file
            try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(dataDir.resolve("ranges.mv"), 0, 16);
                 MongoClient client = MongoClients.create(server.connectionString())) {
                if (restart == 0) {
                    client.getDatabase("partyledger").getCollection("ranges").insertMany(documents);
                }
                h2.addAll(answers(client.getDatabase("partyledger").getCollection("ranges"), ranges));
            }
        }

        assertThat(h2).isEqualTo(concat(memory, memory));
        assertThat(memory).as("ranges that find something, and ranges that find nothing")
                .anyMatch(answer -> answer.endsWith("[]")).anyMatch(answer -> answer.contains("kp1/m"));
    }

    @Test
    void theIndexOfIdsGivesThePositionsOfTheRangeAloneBoundsIncluded() {
        MVStore store = new MVStore.Builder().open();
        MVMap<Object, StoredDocument> documents = StoreFormat.openDataMap(store, "partyledger.ranges");
        IntStream.range(0, 1000).forEach(n -> documents.put("kp" + n % 10 + "/m" + n,
                StoredDocument.of(new de.bwaldvogel.mongo.bson.Document("_id", "kp" + n % 10 + "/m" + n))));
        documents.put(7, StoredDocument.of(new de.bwaldvogel.mongo.bson.Document("_id", 7)));
        IdIndex ids = new IdIndex(documents);

        de.bwaldvogel.mongo.bson.Document branch = new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$gt", "kp3/").append("$lt", "kp30"))
                .append("orgId", "kp3");
        de.bwaldvogel.mongo.bson.Document bounds = new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$gte", "kp1/m1").append("$gt", "kp1/m0")
                        .append("$lt", "kp1/m991").append("$lte", "kp1/m981"));

        assertThat(ids.canHandle(branch)).isTrue();
        assertThat(ids.getPositions(branch)).hasSize(100).allMatch(id -> ((String) id).startsWith("kp3/m"));
        assertThat(ids.getPositions(bounds)).as("the tighter of each pair of bounds, both included")
                .containsExactlyElementsOf(IntStream.range(0, 1000).mapToObj(n -> "kp" + n % 10 + "/m" + n)
                        .filter(id -> id.compareTo("kp1/m1") >= 0 && id.compareTo("kp1/m981") <= 0).sorted()
                        .toList())
                .startsWith("kp1/m1", "kp1/m101").endsWith("kp1/m971", "kp1/m981");
        assertThat(ids.canHandle(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$gt", "kp3/")))).as("a range open above").isFalse();
        assertThat(ids.canHandle(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$gt", 1).append("$lt", 9)))).as("numbers").isFalse();
        store.close();
    }

    /**
     * Entries of branches whose ids extend one another ("kp1", "kp1/x", "kp10"), ids beyond ASCII, and ids of other
     * types, which a range of strings never matches.
     */
    private static List<Document> documents() {
        List<Document> documents = new ArrayList<>();
        for (String branch : List.of("kp1", "kp1/x", "kp10", "kp2", "tổ-1", "kp")) {
            for (int m = 0; m < 30; m++) {
                documents.add(new Document("_id", branch + "/m" + m).append("orgId", branch).append("n", m));
            }
        }
        documents.add(new Document("_id", 7).append("orgId", "kp1"));
        documents.add(new Document("_id", new ObjectId()).append("orgId", "kp1"));
        documents.add(new Document("_id", new Document("orgId", "kp1")).append("orgId", "kp1"));
        documents.add(new Document("_id", "kp1").append("orgId", "kp1"));
        documents.add(new Document("_id", "").append("orgId", "kp1"));
        return documents;
    }

    /** A branch's entries as the roster asks for them, and random bounds drawn from the ids and beside them. */
    private static List<Document> ranges(Random random, List<Document> documents) {
        List<Document> ranges = new ArrayList<>();
        ranges.add(new Document("_id", new Document("$gte", "kp1/").append("$lt", "kp10")).append("orgId", "kp1"));
        ranges.add(new Document("_id", new Document("$gte", "kp1/").append("$lt", "kp10")));
        ranges.add(new Document("_id", new Document("$gt", "kp9").append("$lt", "kp1")));
        List<String> ids = documents.stream().map(document -> document.get("_id")).filter(String.class::isInstance)
                .map(String.class::cast).toList();
        for (int n = 0; n < 200; n++) {
            Document bounds = new Document();
            for (String operator : OPERATORS) {
                if (random.nextInt(3) > 0) {
                    String id = ids.get(random.nextInt(ids.size()));
                    bounds.append(operator, random.nextBoolean() ? id : id.substring(0, random.nextInt(id.length())));
                }
            }
            Document range = new Document("_id", bounds);
            if (random.nextInt(4) == 0) {
                range.append("n", new Document("$lt", random.nextInt(30)));
            }
            ranges.add(range);
        }
        return ranges;
    }

    /** Each range with the ids it finds, in order. */
    private static List<String> answers(MongoCollection<Document> collection, List<Document> ranges) {
        return ranges.stream().map(range -> range.toJson() + " " + collection.find(range)
                .sort(new Document("_id", 1)).map(document -> String.valueOf(document.get("_id")))
                .into(new ArrayList<>())).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
