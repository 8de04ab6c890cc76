package vn.partyledger.infra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the H2 store's index of ids answers besides a query on ids alone: one id asked for among other conditions
 * (ADR 0065), whose document is then matched with the whole query; and the ids of a query on ids alone
 * ({@code {_id: {$in: [...]}}}), whose documents are taken as found (ADR 0067). Either way the store finds, updates and
 * deletes exactly what mongo-java-server's memory backend does by matching every document.
 */
class IdIndexAnswersTest {

    @TempDir
    Path dataDir;

    @Test
    void anIdAskedForBesideOtherConditionsFindsUpdatesAndDeletesWhatMatchingEveryDocumentDoes() {
        sameOnBothBackends(IdIndexAnswersTest::keptAnswers, "} []", "[branch-3]", "updated 1", "updated 0",
                "deleted 1", "deleted 0");
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
        assertThat(ids.getPositions(new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document(
                "$in", List.of("branch-3", "branch-1", "branch-3", "branch-1000", 7, 7L)))))
                .as("ids asked for alone: each stored one once").containsExactlyInAnyOrder("branch-1", "branch-3", 7L);
        assertThat(ids.canHandle(new de.bwaldvogel.mongo.bson.Document("$or", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", "branch-1"),
                new de.bwaldvogel.mongo.bson.Document("changes", 2))))).as("either of two conditions").isFalse();
        assertThat(ids.canHandle(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$ne", "branch-1")).append("changes", 2)))
                .as("any id but one").isFalse();
        store.close();
    }

    /** Finds, then conditional updates and deletes, each with what it found or changed, in order. */
    private static List<String> keptAnswers(MongoCollection<Document> kept) {
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

    @Test
    void idsAskedForAloneFindUpdateAndDeleteWhatMatchingEveryDocumentDoes() {
        assertThat(sameOnBothBackends(IdIndexAnswersTest::logAnswers, "} []", "[person-7/0, person-7/1, person-7/2]",
                "[1, 2, 3]", "[person-8/0, person-8/2]"))
                .as("an id not asked for").noneMatch(answer -> answer.contains("person-8/1"));
    }

    @Test
    void onlyAQueryOnIdsAloneOfStringsAndIntegersIsTakenAsFoundExactly() {
        assertThat(IdIndex.findsExactly(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", 1L, 2))))).isTrue();
        assertThat(IdIndex.findsExactly(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("a"))).append("orgId", "kp1")))
                .as("another condition").isFalse();
        assertThat(IdIndex.findsExactly(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("a")).append("$ne", "b"))))
                .as("another operator").isFalse();
        assertThat(IdIndex.findsExactly(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of(1.5))))).as("a double").isFalse();
        assertThat(IdIndex.findsExactly(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of(new de.bwaldvogel.mongo.bson.Document("k", 1))))))
                .as("a document").isFalse();
        assertThat(IdIndex.findsExactly(new de.bwaldvogel.mongo.bson.Document("_id", "a"))).as("one id").isFalse();
    }

    /** Finds, then updates and deletes by ids, each with what it found or changed, in order. */
    private static List<String> logAnswers(MongoCollection<Document> log) {
        List<Document> documents = new ArrayList<>();
        for (int person = 0; person < 20; person++) {
            for (int seq = 0; seq < 3; seq++) {
                documents.add(new Document("_id", "person-" + person + "/" + seq).append("position", person * 3 + seq)
                        .append("events", List.of(Map.of("seq", seq))));
            }
        }
        for (long position = 1; position <= 5; position++) {
            documents.add(new Document("_id", position).append("events", List.of()));
        }
        documents.add(new Document("_id", 6.0).append("events", List.of()));
        documents.add(new Document("_id", new ObjectId()).append("events", List.of()));
        documents.add(new Document("_id", new Document("person", "person-7")).append("events", List.of()));
        log.insertMany(documents);
        List<Bson> finds = List.of(
                Filters.in("_id", List.of("person-7/0", "person-7/1", "person-7/2", "person-7/3", "person-99/0")),
                Filters.in("_id", List.of("person-8/2", "person-8/0", "person-8/0")),
                Filters.in("_id", List.of(3L, 1L, 2L, 99L)),
                Filters.in("_id", List.of(1, 6, 6L, 7)),
                Filters.in("_id", List.of("1", "person-3")),
                Filters.in("_id", List.of()),
                Filters.in("_id", List.of(new BsonRegularExpression("^person-1/"))),
                Filters.in("_id", List.of(new Document("person", "person-7"), "person-2/2")));
        List<String> answers = new ArrayList<>();
        for (Bson find : finds) {
            answers.add(find.toBsonDocument().toJson() + " " + log.find(find).sort(new Document("_id", 1))
                    .map(document -> String.valueOf(document.get("_id"))).into(new ArrayList<>()));
        }
        answers.add("updated " + log.updateMany(Filters.in("_id", List.of("person-4/0", "person-4/1", "nobody")),
                Updates.set("seen", true)).getModifiedCount());
        answers.add("deleted " + log.deleteMany(Filters.in("_id", List.of(2L, 4, "person-5/2"))).getDeletedCount());
        answers.add("after " + log.find(Filters.or(Filters.exists("seen"), Filters.in("_id", List.of(1L, 2L, 3L,
                4L, 5L, "person-5/2")))).sort(new Document("_id", 1)).map(document -> String.valueOf(document.get("_id")))
                .into(new ArrayList<>()));
        return answers;
    }

    /**
     * What {@code answers} gives against an empty collection of mongo-java-server's memory backend, which matches every
     * document, having checked that the H2 store, whose index of ids finds the documents, gives the same, and that
     * each of {@code shown} is part of some answer: the requests find something, and nothing.
     */
    private List<String> sameOnBothBackends(Function<MongoCollection<Document>, List<String>> answers,
                                            String... shown) {
        List<String> memory;
        MongoServer matchingEveryDocument = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + matchingEveryDocument.bind().getPort())) {
            memory = answers.apply(client.getDatabase("partyledger").getCollection("compared"));
        } finally {
            matchingEveryDocument.shutdownNow();
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(dataDir.resolve("store.mv"), 0, 16);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(answers.apply(client.getDatabase("partyledger").getCollection("compared"))).isEqualTo(memory);
        }
        for (String answer : shown) {
            assertThat(memory).anyMatch(given -> given.contains(answer));
        }
        return memory;
    }
}
