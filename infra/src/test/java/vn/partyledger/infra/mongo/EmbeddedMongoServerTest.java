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
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
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
