package vn.partyledger.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store file written by mongo-java-server's own H2 backend (format 1) is migrated once, whole, or not at all. */
class StoreFormatTest {

    @TempDir
    Path dataDir;

    @Test
    void aFormatOneFileIsMigratedWithAllItsDocumentsAndIndexes() {
        Path file = dataDir.resolve("partyledger.mv");
        Map<String, List<Document>> written = writeWithMongoJavaServersOwnBackend(file);

        try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(file, 0, 16);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(readAll(client)).isEqualTo(written);
            assertIndexesStillRefuseDuplicates(client);
            members(client).insertOne(new Document("_id", "m-new").append("memberNo", 10_000).append("seq", -4));
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(file, 0, 16);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(members(client).countDocuments()).isEqualTo(written.get("partyledger.members").size() + 1);
            assertIndexesStillRefuseDuplicates(client);
        }
        assertThat(mapNames(file)).contains("$format").noneMatch(name -> name.startsWith("$copy."))
                .as("the index of ids is the map of documents (ADR 0063)").noneMatch(StoreFormatTest::isIdIndexMap)
                .anyMatch(name -> name.endsWith("._index_memberNo_1"));
    }

    @Test
    void aFormatTwoFileLosesItsMapsOfIdsAndFindsEveryDocumentByIdAsBefore() {
        Path file = dataDir.resolve("partyledger.mv");
        Map<String, List<Document>> written = writeWithMongoJavaServersOwnBackend(file);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(file, 0, 16)) {
            assertThat(server.port()).isPositive();
        }
        MVStore store = MVStore.open(file.toString());
        // as format 2 kept it: a map of id to id for each collection, beside its map of documents
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.startsWith(StoreFormat.DATA_PREFIX)) {
                String namespace = name.substring(StoreFormat.DATA_PREFIX.length());
                MVMap<KeyValue, Object> ids = StoreFormat.openIndexMap(store,
                        StoreFormat.indexMapName(namespace, "_id_"));
                StoreFormat.openDataMap(store, namespace).keySet().forEach(id -> ids.put(new KeyValue(id), id));
            }
        }
        store.<String, Integer>openMap("$format").put("version", 2);
        store.close();
        assertThat(mapNames(file)).filteredOn(StoreFormatTest::isIdIndexMap).hasSize(6); // system collections too

        try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(file, 0, 16);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(readAll(client)).isEqualTo(written);
            assertIndexesStillRefuseDuplicates(client);
            assertThat(members(client).find(new Document("_id", "m-41")).first()).containsEntry("memberNo", 41);
            assertThat(members(client).find(new Document("_id", 7.0)).first()).containsEntry("memberNo", 7_000);
        }
        assertThat(mapNames(file)).noneMatch(StoreFormatTest::isIdIndexMap);
        MVStore reopened = MVStore.open(file.toString());
        assertThat(reopened.<String, Integer>openMap("$format").get("version")).isEqualTo(StoreFormat.CURRENT);
        reopened.close();
    }

    private static boolean isIdIndexMap(String name) {
        return name.endsWith("._index__id_");
    }

    @Test
    void aCrashDuringTheMigrationLeavesTheFormatOneFileUsableAndTheNextStartMigratesIt() {
        Path file = dataDir.resolve("partyledger.mv");
        Map<String, List<Document>> written = writeWithMongoJavaServersOwnBackend(file);

        MvStoreFile interrupted = MvStoreFile.open(file, 16, Duration.ofHours(1));
        assertThatThrownBy(() -> StoreFormat.prepare(interrupted, 7, () -> {
            throw new IllegalStateException("killed before the switch");
        })).hasMessage("killed before the switch");
        interrupted.store().closeImmediately(); // as a crash: nothing more written
        assertThat(mapNames(file)).as("copies committed in batches before the crash")
                .anyMatch(name -> name.startsWith("$copy."));

        MongoServer formatOne = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + formatOne.bind().getPort())) {
            assertThat(readAll(client)).isEqualTo(written);
        } finally {
            formatOne.shutdownNow();
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(file, 0, 16);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(readAll(client)).isEqualTo(written);
            assertIndexesStillRefuseDuplicates(client);
        }
        assertThat(mapNames(file)).noneMatch(name -> name.startsWith("$copy."));
    }

    @Test
    void aNewFileIsWrittenInTheCurrentFormatAndAFileOfALaterFormatIsRefused() {
        Path file = dataDir.resolve("partyledger.mv");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithStore(file, 0, 16)) {
            assertThat(server.port()).isPositive();
        }
        MVStore store = MVStore.open(file.toString());
        assertThat(store.<String, Integer>openMap("$format").get("version")).isEqualTo(StoreFormat.CURRENT);
        store.<String, Integer>openMap("$format").put("version", StoreFormat.CURRENT + 1);
        store.close();

        assertThatThrownBy(() -> EmbeddedMongoServer.startWithStore(file, 0, 16))
                .hasMessageContaining("format " + (StoreFormat.CURRENT + 1) + ", written by a later version");
        MVStore.open(file.toString()).close(); // the refused file was closed, not left locked
    }

    /** Documents of every kind the application stores, in two databases, under two unique indexes. */
    private static Map<String, List<Document>> writeWithMongoJavaServersOwnBackend(Path file) {
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> members = members(client);
            members.createIndex(Indexes.ascending("memberNo"), new IndexOptions().unique(true));
            members.createIndex(Indexes.ascending("branch", "seq"), new IndexOptions().unique(true));
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                docs.add(new Document("_id", "m-" + i).append("memberNo", i).append("branch", "b-" + i % 3)
                        .append("seq", (long) i).append("joined", new Date(1_700_000_000_000L + i))
                        .append("fee", new Decimal128(new BigDecimal(i + ".50")))
                        .append("photo", new Binary(new byte[] {(byte) i, 1, 2}))
                        .append("roles", List.of("member", new Document("committee", i % 2 == 0)))
                        .append("note", null));
            }
            members.insertMany(docs);
            members.insertOne(new Document("_id", 7).append("memberNo", 7_000).append("seq", -1)); // ids of other types
            members.insertOne(new Document("_id", new ObjectId()).append("memberNo", 7_001).append("seq", -2));
            client.getDatabase("other").getCollection("tokens").insertOne(new Document("segment", 0).append("at", 1L));
            return readAll(client);
        } finally {
            server.shutdownNow();
        }
    }

    private static Map<String, List<Document>> readAll(MongoClient client) {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String database : List.of("partyledger", "other")) {
            MongoDatabase db = client.getDatabase(database);
            for (String collection : db.listCollectionNames().into(new ArrayList<>())) {
                all.put(database + "." + collection, db.getCollection(collection).find()
                        .sort(Sorts.ascending("memberNo", "segment")).into(new ArrayList<>()));
                all.put(database + "." + collection + " indexes",
                        db.getCollection(collection).listIndexes().into(new ArrayList<>()));
            }
        }
        return all;
    }

    private static void assertIndexesStillRefuseDuplicates(MongoClient client) {
        assertThatThrownBy(() -> members(client).insertOne(new Document("_id", "dup-1").append("memberNo", 5L)))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> members(client).insertOne(
                new Document("_id", "dup-2").append("branch", "b-1").append("seq", 4.0)))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> members(client).insertOne(new Document("_id", 7L)))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
    }

    private static MongoCollection<Document> members(MongoClient client) {
        return client.getDatabase("partyledger").getCollection("members");
    }

    private static List<String> mapNames(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            return List.copyOf(store.getMapNames());
        } finally {
            store.close();
        }
    }
}
