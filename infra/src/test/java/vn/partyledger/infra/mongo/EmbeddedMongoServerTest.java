package vn.partyledger.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.RawBsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTest {

    @TempDir
    Path dataDir;

    @Test
    void documentsWrittenThroughTheDriverAreStillThereAfterARestartOnTheSameFile() {
        Path store = dataDir.resolve("mongo").resolve("partyledger.mv");

        try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(store, 0, 16);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(server.connectionString()).startsWith("mongodb://127.0.0.1:");
            MongoCollection<Document> members = client.getDatabase("partyledger").getCollection("members");
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                docs.add(new Document("_id", "m-" + i).append("seq", i).append("branch", new Document("id", "b-1")));
            }
            members.insertMany(docs);
            members.updateOne(Filters.eq("_id", "m-7"), new Document("$set", new Document("status", "OFFICIAL")));
        }
        assertThat(store).isRegularFile();

        try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(store, 0, 16);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> members = client.getDatabase("partyledger").getCollection("members");
            assertThat(members.countDocuments()).isEqualTo(100);
            assertThat(members.find(Filters.eq("_id", "m-7")).first())
                    .containsEntry("status", "OFFICIAL")
                    .containsEntry("seq", 7);
            assertThat(members.find().sort(Sorts.descending("seq")).first()).containsEntry("_id", "m-99");
            assertThat(client.listDatabaseNames().into(new ArrayList<>())).contains("partyledger");
        }
    }

    /**
     * The collection counts its data size from the BSON its documents are stored as (ADR 0059), where the server
     * would encode each document once more: the size it reports is the sum of the documents' BSON sizes as the driver
     * reads them, through inserts, updates, replacements and deletes, and again after a restart.
     */
    @Test
    void aCollectionsDataSizeIsTheSumOfItsDocumentsBsonSizesThroughEveryKindOfWrite() {
        Path store = dataDir.resolve("mongo").resolve("partyledger.mv");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(store, 0, 16);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("partyledger");
            MongoCollection<Document> entries = database.getCollection("entries");
            for (int i = 0; i < 50; i++) {
                entries.insertOne(new Document("_id", "e-" + i).append("periods", List.of(new Document("from", i))));
            }
            entries.updateMany(Filters.lt("_id", "e-3"), Updates.push("periods", new Document("from", "2026-11-30")));
            entries.replaceOne(Filters.eq("_id", "e-40"), new Document("name", "Chi bộ Khu phố 3"));
            entries.deleteMany(Filters.in("_id", "e-41", "e-42"));
            entries.updateOne(Filters.eq("_id", "e-new"), Updates.set("name", "Phước Mỹ"),
                    new UpdateOptions().upsert(true));

            assertThat(dataSize(database, "entries")).isEqualTo(bsonSizes(entries)).isPositive();
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(store, 0, 16);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("partyledger");
            MongoCollection<Document> entries = database.getCollection("entries");
            assertThat(entries.countDocuments()).isEqualTo(49);
            assertThat(entries.find().sort(new Document("$natural", -1)).first()).containsEntry("_id", "e-new");
            entries.deleteOne(Filters.eq("_id", "e-0"));
            assertThat(dataSize(database, "entries")).isEqualTo(bsonSizes(entries));
        }
    }

    private static long dataSize(MongoDatabase database, String collection) {
        return ((Number) database.runCommand(new Document("collStats", collection)).get("size")).longValue();
    }

    private static long bsonSizes(MongoCollection<Document> collection) {
        long total = 0;
        for (RawBsonDocument document : collection.withDocumentClass(RawBsonDocument.class).find()) {
            total += document.getByteBuffer().remaining();
        }
        return total;
    }

    @Test
    void aSecondServerCannotOpenAStoreFileThatIsInUse() {
        Path store = dataDir.resolve("mongo").resolve("partyledger.mv");
        try (EmbeddedMongoServer first = EmbeddedMongoServer.startWithStore(store, 0, 16)) {
            assertThatThrownBy(() -> EmbeddedMongoServer.startWithStore(store, 0, 16))
                    .hasMessageContaining("locked");
            assertThat(first.port()).isPositive();
        }
    }

    @Test
    void theMemoryBackendWritesNoFile() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory(0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("partyledger").getCollection("x").insertOne(new Document("_id", 1));
            assertThat(client.getDatabase("partyledger").getCollection("x").countDocuments()).isEqualTo(1);
            assertThat(server.storeFile()).isNull();
        }
        try (var files = Files.list(dataDir)) {
            assertThat(files).isEmpty();
        }
    }
}
