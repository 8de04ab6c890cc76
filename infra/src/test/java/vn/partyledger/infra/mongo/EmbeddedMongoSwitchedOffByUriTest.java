package vn.partyledger.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code partyledger.mongodb.uri} switches the embedded server off. The "external" MongoDB is a second
 * mongo-java-server started by the test, so what the application writes can be read back from it directly.
 */
class EmbeddedMongoSwitchedOffByUriTest {

    @TempDir
    Path dataDir;

    @Test
    void aConfiguredUriIsUsedAndNoEmbeddedServerIsStarted() {
        try (EmbeddedMongoServer external = EmbeddedMongoServer.startInMemory(0);
             MongoClient direct = MongoClients.create(external.connectionString())) {
            new ApplicationContextRunner()
                    .withUserConfiguration(MongoConfiguration.class)
                    .withPropertyValues(
                            "partyledger.data-dir=" + dataDir,
                            "partyledger.mongodb.uri=" + external.connectionString() + "/?w=majority",
                            "partyledger.mongodb.database=ledger_elsewhere",
                            // Would collide with the external server if an embedded one were started anyway.
                            "partyledger.mongodb.embedded.port=" + external.port())
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context).doesNotHaveBean(EmbeddedMongoServer.class);
                        assertThat(context.getBean(MongoEndpoint.class).embedded()).isFalse();
                        MongoDatabase database = context.getBean(MongoDatabase.class);
                        assertThat(database.getName()).isEqualTo("ledger_elsewhere");
                        assertThat(database.getWriteConcern().getWString()).isEqualTo("majority");
                        database.getCollection("rosters").insertOne(new Document("_id", "branch-1"));
                        assertThat(context.getBean(MongoHealthIndicator.class).health().getStatus().getCode())
                                .isEqualTo("UP");
                    });

            assertThat(direct.getDatabase("ledger_elsewhere").getCollection("rosters").countDocuments()).isEqualTo(1);
        }
        assertThat(dataDir).isEmptyDirectory();
    }
}
