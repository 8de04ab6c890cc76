package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The whole application on its embedded servers (in-memory Mongo backend, KRaft broker, free ports), driven over real
 * HTTP. Every test class extending this shares one started application. Its working-day calendar is the shipped one
 * plus plain weeks for the few years before 2015 the scenarios reach back to (test data, named as such).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "partyledger.mongodb.embedded.port=0",
        "partyledger.mongodb.embedded.backend=memory",
        "partyledger.kafka.embedded.port=0",
        "partyledger.kafka.embedded.controller-port=0",
        "partyledger.rules.calendar-additional-files=classpath:calendar/earlier-years-for-end-to-end-tests.json"
})
@TestPropertySource(locations = "classpath:test-users.properties")
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

    @Autowired
    EventStore eventStore;

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

    /**
     * Every stored event, in log order, read as an outside client would: the commit documents of the event store
     * (ADR 0019), their events flattened. A full scan, fine at test size.
     */
    List<Document> storedEvents() {
        List<Document> events = new ArrayList<>();
        for (Document commit : database.getCollection("event_commits").find().sort(Sorts.ascending("_id"))) {
            if (!Boolean.TRUE.equals(commit.getBoolean("tombstone"))) {
                events.addAll(commit.getList("events", Document.class));
            }
        }
        return events;
    }

    /** The events of one aggregate, in sequence order. */
    List<Document> storedEventsOf(String aggregateId) {
        return storedEvents().stream().filter(event -> aggregateId.equals(event.getString("aggregateIdentifier")))
                .sorted(Comparator.comparing(event -> event.getLong("sequenceNumber"))).toList();
    }

    /** One stored event by the id a command's outcome lists, or null. */
    Document storedEvent(String eventId) {
        return storedEvents().stream().filter(event -> eventId.equals(event.getString("eventIdentifier")))
                .findFirst().orElse(null);
    }

    /**
     * Rewrites, in place, the first stored event of the aggregate with the given payload type, as an old version of the
     * application would have stored it (upcaster tests). The commit's hashes are left as they were.
     */
    void rewriteStoredEvent(String aggregateId, String payloadType, Consumer<Document> change) {
        for (Document commit : database.getCollection("event_commits").find(Filters.eq("events.aggregateIdentifier",
                aggregateId))) {
            for (Document event : commit.getList("events", Document.class)) {
                if (aggregateId.equals(event.getString("aggregateIdentifier"))
                        && payloadType.equals(event.getString("payloadType"))) {
                    change.accept(event);
                    database.getCollection("event_commits").replaceOne(Filters.eq("_id", commit.get("_id")), commit);
                    return;
                }
            }
        }
        throw new IllegalArgumentException("no " + payloadType + " stored for " + aggregateId);
    }

    /** How many events the log holds for one aggregate: a refusal must leave it unchanged. */
    long eventsOf(String aggregateId) {
        return storedEventsOf(aggregateId).size();
    }

    /** The simple names of an aggregate's event types, in sequence order. */
    List<String> eventTypesOf(String aggregateId) {
        return storedEventsOf(aggregateId).stream().map(event -> event.getString("payloadType"))
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    Document lastEventOf(String aggregateId) {
        List<Document> events = storedEventsOf(aggregateId);
        return events.isEmpty() ? null : events.get(events.size() - 1);
    }

    /** One event of an aggregate as the application reads it from the log: upcast, its sensitive facts sealed. */
    Object loggedPayload(String aggregateId, String eventId) {
        return eventStore.readEvents(aggregateId).asStream().filter(event -> eventId.equals(event.getIdentifier()))
                .findFirst().orElseThrow().getPayload();
    }

    /** The payload of one stored event, by the id a command's outcome lists. */
    Document payloadOf(String eventId) {
        return storedEvent(eventId).get("payload", Document.class);
    }

    /** The published OpenAPI document. */
    JsonNode apiDocument() {
        return Scenario.expect(anonymous().get().uri("/v3/api-docs").retrieve().toEntity(JsonNode.class), 200);
    }

    /** Each POST operation of the document under /api/v1, by its path. */
    /** The import: many commands, each judged as its own line (ImportEndToEndTest), not one record's command. */
    static final String IMPORTS = "/api/v1/imports";

    /** Operations on the service itself, such as rebuilding a projection (ADR 0037): no command on a record. */
    static final String ADMIN = "/api/v1/admin/";

    /** The document's operations that send one command on one record (every POST but the import and the admin's). */
    static Map<String, JsonNode> commandOperations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.get("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/v1/") && !path.getKey().equals(IMPORTS)
                    && !path.getKey().startsWith(ADMIN) && path.getValue().has("post")) {
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

    /** A board acting for the test tree's root: it sets up and decides in every Scenario's tree. */
    RestClient board() {
        return as("board", "board-local-only");
    }

    /** The secretary of the permission matrix's branch: out of scope of every Scenario's tree. */
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
