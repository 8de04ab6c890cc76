package vn.partyledger.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 store refuses and finds by a unique index exactly the keys the memory backend's index does, for keys of
 * mixed types, before and after they have been read back from the file.
 */
class UniqueKeysAgreeWithTheMemoryBackendTest {

    private static final ObjectId OBJECT_ID = new ObjectId();
    private static final List<Object> KEYS = Arrays.asList(
            1, 1L, 1.0, new Decimal128(new BigDecimal("1.0")), 2, "1", "a", null,
            0, -0.0, Double.NaN, Double.NaN, 9_007_199_254_740_993L, 9_007_199_254_740_992.0, 9_007_199_254_740_992L,
            new Document("x", 1), new Document("x", 1L), new Document("x", 1).append("y", 2),
            new Document("y", 2).append("x", 1), new Document("x", new Document("z", "a")),
            new Document("x", new Document("z", "a")), Arrays.asList(3, 4), 4, 3.0, new Date(0), new Date(0),
            OBJECT_ID, OBJECT_ID, true, true, false);

    @TempDir
    Path dataDir;

    @Test
    void theSameInsertsAreRefusedAndTheSameKeysFound() {
        List<String> memory = outcomes(keys -> {
            MongoServer server = new MongoServer(new MemoryBackend());
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
                List<String> outcomes = new ArrayList<>(keys.apply(client));
                outcomes.addAll(keys.apply(client));
                return outcomes;
            } finally {
                server.shutdownNow();
            }
        });
        List<String> h2 = outcomes(keys -> {
            Path file = dataDir.resolve("keys.mv");
            List<String> outcomes = new ArrayList<>();
            for (int restart = 0; restart < 2; restart++) { // the second pass meets keys read back from the file
                try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(file, 0, 16);
                     MongoClient client = MongoClients.create(server.connectionString())) {
                    outcomes.addAll(keys.apply(client));
                }
            }
            return outcomes;
        });

        assertThat(h2).isEqualTo(memory);
        assertThat(memory).contains("1.0 refused", "1 found by 1.0", "Document{{y=2, x=1}} stored",
                "id k-0 refused", "id 3 stored", "id 3.0 refused", "by id 5.0: id 5",
                "by id 12.0: id 12", "updated by id 6.0: 1, [6]", "deleted by id 7L: 1, then by id 7: null");
    }

    /**
     * Inserts each key (a second pass over the same store refuses every one) and documents whose ids are the key's
     * position as an int (but for the first, which clashes with "k-0") and as a double, and looks each key up.
     */
    private static List<String> outcomes(Function<Function<MongoClient, List<String>>, List<String>> onServer) {
        return onServer.apply(client -> {
            MongoCollection<Document> keys = client.getDatabase("partyledger").getCollection("keys");
            keys.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true));
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < KEYS.size(); i++) {
                Object key = KEYS.get(i);
                try {
                    keys.insertOne(new Document("_id", "k-" + i).append("k", key));
                    outcomes.add(key + " stored");
                } catch (MongoWriteException e) {
                    outcomes.add(key + " refused");
                }
                for (Object id : List.of(i == 0 ? "k-0" : i, (double) i)) {
                    try {
                        keys.insertOne(new Document("_id", id).append("k", "id " + id));
                        outcomes.add("id " + id + " stored");
                    } catch (MongoWriteException e) {
                        outcomes.add("id " + id + " refused");
                    }
                }
            }
            for (Object key : KEYS) {
                Document found = keys.find(Filters.eq("k", key)).first();
                outcomes.add(found == null ? key + " not found" : found.get("k") + " found by " + key);
            }
            // ids looked up, changed and removed by a number of another type: the index of ids finds the stored id
            for (Object id : List.of(5L, 5.0, new Decimal128(new BigDecimal("12.0")), 11, "k-0", -0.0)) {
                Document found = keys.find(Filters.eq("_id", id)).first();
                outcomes.add("by id " + id + ": " + (found == null ? "none" : found.get("k")));
            }
            outcomes.add("updated by id 6.0: " + keys.updateOne(Filters.eq("_id", 6.0), Updates.set("seen", true))
                    .getModifiedCount() + ", " + keys.find(Filters.eq("seen", true)).map(doc -> doc.get("_id"))
                    .into(new ArrayList<>()));
            outcomes.add("deleted by id 7L: " + keys.deleteOne(Filters.eq("_id", 7L)).getDeletedCount()
                    + ", then by id 7: " + keys.find(Filters.eq("_id", 7)).first());
            outcomes.add(keys.countDocuments() + " documents");
            return outcomes;
        });
    }
}
