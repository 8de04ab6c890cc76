package vn.partyledger.infra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query on ids alone takes the documents the index of ids finds without matching each again (ADR 0067), and finds,
 * updates and deletes exactly what the memory backend does by matching every document.
 */
class IdsInQueriesTest {

    @TempDir
    Path dataDir;

    @Test
    void idsAskedForAloneFindUpdateAndDeleteWhatMatchingEveryDocumentDoes() {
        List<String> memory;
        MongoServer matchingEveryDocument = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + matchingEveryDocument.bind().getPort())) {
            memory = answers(client.getDatabase("partyledger").getCollection("log"));
        } finally {
            matchingEveryDocument.shutdownNow();
        }
        List<String> h2;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(dataDir.resolve("log.mv"), 0, 16);
             MongoClient client = MongoClients.create(server.connectionString())) {
            h2 = answers(client.getDatabase("partyledger").getCollection("log"));
        }

        assertThat(h2).isEqualTo(memory);
        assertThat(memory).as("ids found, ids not stored, and other ids than asked")
                .anyMatch(answer -> answer.endsWith(" []")).anyMatch(answer -> answer.contains("person-7/0"))
                .anyMatch(answer -> answer.contains("[1, 2, 3]")).noneMatch(answer -> answer.contains("person-8/1,"));
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
    private static List<String> answers(MongoCollection<Document> log) {
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
}
