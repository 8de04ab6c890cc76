package vn.partyledger.infra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query asking for one id beside other conditions is answered by the H2 store from its index of ids (ADR 0065), and
 * finds, updates and deletes exactly what the memory backend does by matching every document.
 */
class IdEqualityQueriesTest {

    @TempDir
    Path dataDir;

    @Test
    void anIdAskedForBesideOtherConditionsFindsUpdatesAndDeletesWhatMatchingEveryDocumentDoes() {
        List<String> memory;
        MongoServer matchingEveryDocument = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + matchingEveryDocument.bind().getPort())) {
            memory = answers(client.getDatabase("partyledger").getCollection("kept"));
        } finally {
            matchingEveryDocument.shutdownNow();
        }
        List<String> h2;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(dataDir.resolve("kept.mv"), 0, 16);
             MongoClient client = MongoClients.create(server.connectionString())) {
            h2 = answers(client.getDatabase("partyledger").getCollection("kept"));
        }

        assertThat(h2).isEqualTo(memory);
        assertThat(memory).as("conditions that hold and conditions that do not")
                .anyMatch(answer -> answer.endsWith("[]")).anyMatch(answer -> answer.contains("branch-3"))
                .anyMatch(answer -> answer.endsWith("updated 1")).anyMatch(answer -> answer.endsWith("updated 0"))
                .anyMatch(answer -> answer.endsWith("deleted 1")).anyMatch(answer -> answer.endsWith("deleted 0"));
    }

    @Test
    void theIndexOfIdsGivesThePositionOfTheIdAskedForAlone() {
        MVStore store = new MVStore.Builder().open();
        MVMap<Object, StoredDocument> documents = StoreFormat.openDataMap(store, "partyledger.kept");
        IntStream.range(0, 1000).forEach(n -> documents.put("branch-" + n,
                StoredDocument.of(new de.bwaldvogel.mongo.bson.Document("_id", "branch-" + n).append("changes", n))));
        documents.put(7L, StoredDocument.of(new de.bwaldvogel.mongo.bson.Document("_id", 7L)));
        IdIndex ids = new IdIndex(documents);

        de.bwaldvogel.mongo.bson.Document keptIfUnchanged = new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", "branch-42"),
                new de.bwaldvogel.mongo.bson.Document("changes", 42)));
        de.bwaldvogel.mongo.bson.Document beside = new de.bwaldvogel.mongo.bson.Document("_id", 7.0)
                .append("changes", 3);

        assertThat(ids.canHandle(keptIfUnchanged)).isTrue();
        assertThat(ids.getPositions(keptIfUnchanged)).containsExactly("branch-42");
        assertThat(ids.getPositions(beside)).as("a number asked for as the double a query gives it").containsExactly(7L);
        assertThat(ids.getPositions(new de.bwaldvogel.mongo.bson.Document("_id", "branch-1000").append("changes", 1)))
                .isEmpty();
        assertThat(ids.canHandle(new de.bwaldvogel.mongo.bson.Document("$or", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", "branch-1"),
                new de.bwaldvogel.mongo.bson.Document("changes", 2))))).as("either of two conditions").isFalse();
        assertThat(ids.canHandle(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$ne", "branch-1")).append("changes", 2)))
                .as("any id but one").isFalse();
        store.close();
    }

    /** Finds, then conditional updates and deletes, each with what it found or changed, in order. */
    private static List<String> answers(MongoCollection<Document> kept) {
        List<Document> documents = new ArrayList<>();
        IntStream.range(0, 20).forEach(n -> documents.add(new Document("_id", "branch-" + n).append("changes", n % 4)
                .append("counts", List.of(new Document("from", "2026-01-01").append("figures", List.of(n, 1))))));
        documents.add(new Document("_id", 7L).append("changes", 3));
        documents.add(new Document("_id", new Document("orgId", "branch-3")).append("changes", 3));
        kept.insertMany(documents);
        List<Bson> finds = List.of(
                Filters.and(Filters.eq("_id", "branch-3"), Filters.eq("changes", 3)),
                Filters.and(Filters.eq("_id", "branch-3"), Filters.eq("changes", 2)),
                new Document("_id", "branch-5").append("changes", new Document("$gte", 1)),
                new Document("_id", "branch-5").append("changes", new Document("$gt", 1)),
                Filters.and(Filters.eq("_id", 7.0), Filters.eq("changes", 3)),
                Filters.and(Filters.eq("_id", 7), Filters.eq("changes", 3)),
                Filters.and(Filters.eq("_id", "branch-99"), Filters.eq("changes", 0)),
                Filters.and(Filters.eq("_id", "branch-3"), Filters.eq("_id", "branch-4")),
                Filters.and(Filters.eq("_id", "branch-8"), Filters.or(Filters.eq("changes", 0), Filters.eq("changes", 9))),
                Filters.and(Filters.eq("_id", new Document("orgId", "branch-3")), Filters.eq("changes", 3)),
                Filters.and(Filters.eq("_id", "branch-2"), Filters.elemMatch("counts", Filters.eq("from", "2026-01-01"))));
        List<String> answers = new ArrayList<>();
        for (Bson find : finds) {
            answers.add(find.toBsonDocument().toJson() + " " + kept.find(find).map(document -> String.valueOf(document.get("_id")))
                    .into(new ArrayList<>()));
        }
        for (int n = 0; n < 8; n++) {
            Bson ifUnchanged = Filters.and(Filters.eq("_id", "branch-" + n), Filters.eq("changes", n % 3));
            answers.add(ifUnchanged.toBsonDocument().toJson() + " updated "
                    + kept.updateOne(ifUnchanged, Updates.inc("changes", 1)).getModifiedCount());
        }
        for (int n = 8; n < 12; n++) {
            Bson ifUnchanged = Filters.and(Filters.eq("_id", "branch-" + n), Filters.eq("changes", n % 2 == 0 ? n % 4 : 0));
            answers.add(ifUnchanged.toBsonDocument().toJson() + " deleted " + kept.deleteOne(ifUnchanged).getDeletedCount());
        }
        answers.add("after " + kept.find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        return answers;
    }
}
