package vn.partyledger.infra.person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.exemption.ExemptionReason;
import vn.partyledger.domain.member.ReadmissionGrounds;
import vn.partyledger.domain.member.ViolationCategory;
import vn.partyledger.domain.member.ApplicationSubmitted;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.infra.mongo.EmbeddedMongoServer;

import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A sensitive fact is ciphertext under the person's key wherever the log's serializer writes it, opens while the key
 * exists, and reads as ERASED once it is destroyed (ADR 0023); the embedded MongoDB holds the keys, as in the service.
 */
class SealedFactsTest {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 2);

    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private PersonDataKeys keys;
    private JacksonSerializer serializer;
    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();

    @BeforeEach
    void setUp() {
        server = EmbeddedMongoServer.startInMemory(0);
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("partyledger");
        EmbeddedEventStore log = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        keys = new PersonDataKeys(database, new MasterKeyWrapper(new byte[Aead.KEY_BYTES]),
                () -> new PersonEntryVersions(log), Clock.systemUTC());
        serializer = JacksonSerializer.builder().objectMapper(json.copy().registerModule(new SealedFacts(keys)))
                .build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private static ExemptionGranted exemptedFor(String personId, ExemptionReason reason) {
        return new ExemptionGranted("m1", ExemptionKind.TEMPORARY, Sensitive.of(personId, reason), FROM,
                FROM.plusMonths(6), "ward", null);
    }

    private SerializedObject<String> stored(Object event) {
        return serializer.serialize(event, String.class);
    }

    private Object read(SerializedObject<String> stored) {
        return serializer.deserialize(stored);
    }

    private SerializedObject<String> withPayload(SerializedObject<String> stored, JsonNode payload) {
        return new SimpleSerializedObject<>(payload.toString(), String.class, stored.getType());
    }

    @Test
    @DisplayName("a sensitive fact is stored as ciphertext and reads back as it was decided")
    void aSensitiveFactIsStoredAsCiphertextAndReadsBack() throws Exception {
        ExemptionGranted decided = exemptedFor("p1", ExemptionReason.LONG_ILLNESS);

        SerializedObject<String> stored = stored(decided);

        assertThat(stored.getData()).doesNotContain("LONG_ILLNESS").contains("\"sealed\"").contains("\"p1\"");
        ExemptionGranted read = (ExemptionGranted) read(stored);
        assertThat(read).isEqualTo(decided);
        assertThat(read.reason().value()).isEqualTo(ExemptionReason.LONG_ILLNESS);
        assertThat(read.reason().seal()).as("opened only when read").isPresent();
    }

    @Test
    @DisplayName("a structured fact (re-admission grounds with a date) survives the cipher")
    void aStructuredFactSurvivesTheCipher() {
        ReadmissionGrounds grounds = new ReadmissionGrounds(ViolationCategory.LESS_SERIOUS_CRIME_CONVICTION, "HS-7",
                LocalDate.of(2018, 5, 6), null);
        ApplicationSubmitted applied = new ApplicationSubmitted("m1", LocalDate.of(2024, 3, 4), true, "LL-2024-03",
                false, false, Sensitive.of("p1", grounds));

        SerializedObject<String> stored = stored(applied);

        assertThat(stored.getData()).doesNotContain("LESS_SERIOUS").doesNotContain("2018-05-06").doesNotContain("HS-7");
        assertThat(((ApplicationSubmitted) read(stored)).readmissionGrounds().value()).isEqualTo(grounds);
    }

    @Test
    @DisplayName("once the person's key is destroyed, the fact reads as ERASED and is written back unchanged")
    void onceTheKeyIsDestroyedTheFactReadsAsErased() throws Exception {
        SerializedObject<String> stored = stored(exemptedFor("p1", ExemptionReason.LONG_ILLNESS));
        ExemptionGranted readBefore = (ExemptionGranted) read(stored);

        keys.forget("p1");
        database.getCollection(PersonRegisterStore.COLLECTION).updateOne(new org.bson.Document("_id", "p1"),
                new org.bson.Document("$unset", new org.bson.Document("dataKey", "")));

        ExemptionGranted readAfter = (ExemptionGranted) read(stored);
        assertThat(readAfter.reason().isErased()).isTrue();
        assertThat(readAfter.reason().shown()).isEqualTo(Sensitive.ERASED);
        assertThat(readBefore.reason().isErased()).as("a fact read before the erasure is sealed too").isTrue();
        assertThatThrownBy(() -> readAfter.reason().value()).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("erased");
        assertThat(json.readTree(stored(readAfter).getData()).get("reason"))
                .isEqualTo(json.readTree(stored.getData()).get("reason"));
    }

    @Test
    @DisplayName("a new fact about an erased person is refused, not stored in plain")
    void aNewFactAboutAnErasedPersonIsRefused() {
        stored(exemptedFor("p1", ExemptionReason.LONG_ILLNESS));
        keys.forget("p1");

        assertThatThrownBy(() -> stored(exemptedFor("p1", ExemptionReason.ADVANCED_AGE_POOR_HEALTH)))
                .isInstanceOf(SerializationException.class)
                .hasRootCauseInstanceOf(PersonRegisterRefusal.class);
    }

    @Test
    @DisplayName("one person's sealed fact does not open as another person's")
    void aSealedFactIsBoundToItsPerson() throws Exception {
        stored(exemptedFor("p2", ExemptionReason.WORKING_AWAY));
        SerializedObject<String> stored = stored(exemptedFor("p1", ExemptionReason.LONG_ILLNESS));
        ObjectNode moved = (ObjectNode) json.readTree(stored.getData());
        ((ObjectNode) moved.get("reason")).put(SealedFacts.PERSON_ID, "p2");

        ExemptionGranted read = (ExemptionGranted) read(withPayload(stored, moved));

        assertThatThrownBy(() -> read.reason().value()).isInstanceOf(PersonalDataUnreadable.class);
    }

    @Test
    @DisplayName("each person's facts are sealed with that person's own key")
    void eachPersonHasTheirOwnKey() {
        stored(exemptedFor("p1", ExemptionReason.LONG_ILLNESS));
        stored(exemptedFor("p2", ExemptionReason.LONG_ILLNESS));

        assertThat(keys.toOpen("p1").orElseThrow()).isNotEqualTo(keys.toOpen("p2").orElseThrow());
        assertThat(keys.toOpen("nobody")).isEmpty();
    }
}
