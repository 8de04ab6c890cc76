package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole application on its embedded servers (in-memory Mongo backend, KRaft broker, free ports), driven over real
 * HTTP. Every test class extending this shares one started application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "partyledger.mongodb.embedded.port=0",
        "partyledger.mongodb.embedded.backend=memory",
        "partyledger.kafka.embedded.port=0",
        "partyledger.kafka.embedded.controller-port=0"
})
@AutoConfigureObservability
abstract class RunningApplication {

    /**
     * One directory for the whole test JVM, under target/: the started application is cached and shared by test
     * classes, so its data must outlive each class (a per-class @TempDir would be deleted under the running broker).
     */
    private static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("partyledger.data-dir", DATA_DIR::toString);
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "app-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many events the log holds for one aggregate: a refusal must leave it unchanged. */
    long eventsOf(String aggregateId) {
        return database.getCollection("domain_events").countDocuments(Filters.eq("aggregateIdentifier", aggregateId));
    }

    /** The simple names of an aggregate's event types, in sequence order. */
    List<String> eventTypesOf(String aggregateId) {
        List<String> types = new ArrayList<>();
        for (Document event : database.getCollection("domain_events")
                .find(Filters.eq("aggregateIdentifier", aggregateId)).sort(Sorts.ascending("sequenceNumber"))) {
            String type = event.getString("payloadType");
            types.add(type.substring(type.lastIndexOf('.') + 1));
        }
        return types;
    }

    Document lastEventOf(String aggregateId) {
        return database.getCollection("domain_events").find(Filters.eq("aggregateIdentifier", aggregateId))
                .sort(Sorts.descending("sequenceNumber")).first();
    }

    /** The payload of one stored event, by the id a command's outcome lists. */
    Document payloadOf(String eventId) {
        return database.getCollection("domain_events").find(Filters.eq("_id", eventId)).first()
                .get("payload", Document.class);
    }

    /** The published OpenAPI document. */
    JsonNode apiDocument() {
        return Scenario.expect(anonymous().get().uri("/v3/api-docs").retrieve().toEntity(JsonNode.class), 200);
    }

    /** Each POST operation of the document under /api/v1, by its path. */
    static Map<String, JsonNode> commandOperations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.get("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/v1/") && path.getValue().has("post")) {
                operations.put(path.getKey(), path.getValue().get("post"));
            }
        });
        return operations;
    }

    RestClient as(String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + credentials)
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    RestClient secretary() {
        return as("secretary", "secretary-local-only");
    }

    RestClient anonymous() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }
}
