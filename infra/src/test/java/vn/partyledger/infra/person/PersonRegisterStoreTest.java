package vn.partyledger.infra.person;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.member.EducationLevel;
import vn.partyledger.domain.person.Gender;
import vn.partyledger.domain.person.ErasureExecuted;
import vn.partyledger.domain.person.PersonRegistered;
import vn.partyledger.domain.person.PersonalDataCorrected;
import vn.partyledger.domain.person.PersonalDataCorrectionReason;
import vn.partyledger.infra.mongo.EmbeddedMongoServer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The log decides which of the register's versions exist: a version whose event never reached the log is never read,
 * and a national ID it claimed is freed once its registration can no longer land.
 */
class PersonRegisterStoreTest {

    private static final LocalDate BORN = LocalDate.of(1995, 3, 14);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private final EmbeddedEventStore log = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final Map<String, Long> sequences = new HashMap<>();
    private Instant now = Instant.parse("2026-11-29T08:00:00Z");
    private EmbeddedMongoServer server;
    private MongoClient client;
    private PersonRegisterStore store;

    @BeforeEach
    void setUp() {
        server = EmbeddedMongoServer.startInMemory(0);
        client = MongoClients.create(server.connectionString());
        byte[] master = new byte[Aead.KEY_BYTES];
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        MongoDatabase database = client.getDatabase("partyledger");
        MasterKeyWrapper keys = new MasterKeyWrapper(master);
        // the log's word on each entry kept, checked as the application checks it: by the stream's last event
        PersonEntryVersions entries = new PersonEntryVersions(log, versions -> versions.entrySet().stream()
                .filter(kept -> log.lastSequenceNumberFor(kept.getKey()).orElse(-1L) > kept.getValue())
                .map(Map.Entry::getKey).collect(Collectors.toSet()), PersonEntryVersions.Streams.oneByOne(log), 100);
        store = new PersonRegisterStore(database, entries, keys, new PersonDataKeys(database, keys, () -> entries,
                clock),
                new KeyedHash(master), JsonMapper.builder().findAndAddModules().build(), clock);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private static PersonalData person(String name, String nationalId) {
        return new PersonalData(name, BORN, Gender.FEMALE, "01", null, EducationLevel.UPPER_SECONDARY, null, null,
                null, nationalId, true, null);
    }

    private static PersonalData renamed(String name) {
        return new PersonalData(name, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** What the command's event does once the log accepts it: name the version. */
    private void logged(String personId, Object event) {
        long sequence = sequences.merge(personId, 0L, (last, ignored) -> last + 1);
        log.publish(new GenericDomainEventMessage<>("Person", personId, sequence, event));
    }

    private void registeredInTheLog(String personId, PersonalData data) {
        logged(personId, new PersonRegistered(personId, data.fields(), "kp1",
                store.register(personId, data, "secretary")));
    }

    @Test
    @DisplayName("a registration whose event never reached the log is not in the register")
    void aRegistrationWhoseEventNeverReachedTheLogIsNotInTheRegister() {
        store.register("p1", person("Nguyễn Thị Lan", "079195000001"), "secretary");

        assertThat(store.asOf("p1", TODAY)).isEmpty();
    }

    @Test
    @DisplayName("a registration the log names is read back as it was entered")
    void aRegistrationTheLogNamesIsReadBack() {
        registeredInTheLog("p1", person("Nguyễn Thị Lan", "079195000001"));

        assertThat(store.asOf("p1", TODAY)).contains(person("Nguyễn Thị Lan", "079195000001"));
    }

    @Test
    @DisplayName("a correction whose event never reached the log changes nothing, and the next one applies alone")
    void aCorrectionWhoseEventNeverReachedTheLogChangesNothing() {
        registeredInTheLog("p1", person("Nguyễn Thị Lan", "079195000001"));
        store.correct("p1", renamed("Nguyễn Thị Lanh"), PersonalDataCorrectionReason.ENTRY_ERROR, TODAY, "secretary");
        assertThat(store.asOf("p1", TODAY).orElseThrow().fullName()).isEqualTo("Nguyễn Thị Lan");

        String version = store.correct("p1", renamed("Nguyễn Thị Lành"), PersonalDataCorrectionReason.ENTRY_ERROR,
                TODAY, "secretary");
        logged("p1", new PersonalDataCorrected("p1", renamed("").fields(), PersonalDataCorrectionReason.ENTRY_ERROR,
                TODAY, version));

        assertThat(store.asOf("p1", TODAY).orElseThrow().fullName()).isEqualTo("Nguyễn Thị Lành");
    }

    @Test
    @DisplayName("an erasure the log executed while the key was not yet destroyed is finished at the next start")
    void anErasureLeftHalfDoneIsFinishedAtTheNextStart() {
        registeredInTheLog("p1", person("Nguyễn Thị Lan", "079195000001"));
        registeredInTheLog("p2", person("Trần Văn Minh", "079195000002"));
        store.erasurePending("p1");
        store.erasurePending("p2");
        logged("p1", new ErasureExecuted("p1", TODAY));

        assertThat(store.completePendingErasures()).isOne();

        Document shredded = client.getDatabase("partyledger").getCollection(PersonRegisterStore.COLLECTION)
                .find(new Document("_id", "p1")).first();
        assertThat(shredded.get("dataKey")).isNull();
        assertThat(shredded.getList("versions", Document.class)).isEmpty();
        assertThat(store.asOf("p2", TODAY)).isPresent();
        assertThat(store.completePendingErasures()).isZero();
    }

    @Test
    @DisplayName("many entries are read at once as each alone, and the log's later corrections and erasures count")
    void manyEntriesAreReadAtOnceAsEachAloneAndTheLogsLaterCorrectionsAndErasuresCount() {
        registeredInTheLog("p1", person("Nguyễn Thị Lan", "079195000001"));
        registeredInTheLog("p2", person("Trần Văn Minh", "079195000002"));
        store.register("p3", person("Lê Văn Tám", "079195000003"), "secretary");
        assertThat(store.asOfAll(List.of("p1", "p2", "p3", "p4"), TODAY)).as("p3's event never reached the log")
                .isEqualTo(Map.of("p1", store.asOf("p1", TODAY).orElseThrow(),
                        "p2", store.asOf("p2", TODAY).orElseThrow()));

        String version = store.correct("p1", renamed("Nguyễn Thị Lành"), PersonalDataCorrectionReason.ENTRY_ERROR,
                TODAY, "secretary");
        logged("p1", new PersonalDataCorrected("p1", renamed("").fields(), PersonalDataCorrectionReason.ENTRY_ERROR,
                TODAY, version));
        logged("p2", new ErasureExecuted("p2", TODAY));

        Map<String, PersonalData> again = store.asOfAll(List.of("p1", "p2"), TODAY);
        assertThat(again).containsOnlyKeys("p1");
        assertThat(again.get("p1").fullName()).isEqualTo("Nguyễn Thị Lành");
    }

    @Test
    @DisplayName("a correction that meets a key destroyed by an erasure is refused as erased, not failed")
    void aCorrectionThatMeetsADestroyedKeyIsRefusedAsErased() {
        registeredInTheLog("p1", person("Nguyễn Thị Lan", "079195000001"));
        store.shred("p1");

        assertThatThrownBy(() -> store.correct("p1", renamed("Nguyễn Thị Lanh"),
                PersonalDataCorrectionReason.ENTRY_ERROR, TODAY, "secretary"))
                .isInstanceOfSatisfying(PersonRegisterRefusal.class,
                        refusal -> assertThat(refusal.code()).isEqualTo("ERASED"));
    }

    @Test
    @DisplayName("a national ID held by a registered person is refused to anyone else")
    void aNationalIdHeldByARegisteredPersonIsRefused() {
        registeredInTheLog("p1", person("Nguyễn Thị Lan", "079195000001"));
        now = now.plus(PersonRegisterStore.UNACKNOWLEDGED_CLAIM_WINDOW.multipliedBy(3));

        assertThatThrownBy(() -> store.register("p2", person("Trần Văn Minh", "079195000001"), "secretary"))
                .isInstanceOfSatisfying(PersonRegisterRefusal.class,
                        refusal -> assertThat(refusal.code()).isEqualTo("NATIONAL_ID_ALREADY_REGISTERED"));
    }

    @Test
    @DisplayName("a national ID claimed by a registration still under way is refused to anyone else")
    void aNationalIdClaimedByARegistrationUnderWayIsRefused() {
        store.register("p1", person("Nguyễn Thị Lan", "079195000001"), "secretary");

        assertThatThrownBy(() -> store.register("p2", person("Trần Văn Minh", "079195000001"), "secretary"))
                .isInstanceOf(PersonRegisterRefusal.class);
    }

    @Test
    @DisplayName("a national ID claimed by a registration that never reached the log is free once it cannot land")
    void aNationalIdOfARegistrationThatNeverLandedIsFreedLater() {
        store.register("p1", person("Nguyễn Thị Lan", "079195000001"), "secretary");
        now = now.plus(PersonRegisterStore.UNACKNOWLEDGED_CLAIM_WINDOW);

        registeredInTheLog("p2", person("Nguyễn Thị Lan", "079195000001"));

        assertThat(store.asOf("p2", TODAY).orElseThrow().nationalId()).isEqualTo("079195000001");
    }

    @Test
    @DisplayName("a national ID a person corrected away from is free for another person")
    void aNationalIdCorrectedAwayFromIsFree() {
        registeredInTheLog("p1", person("Nguyễn Thị Lan", "079195000001"));
        PersonalData newId = new PersonalData(null, null, null, null, null, null, null, null, null, "079195000002",
                null, null);
        logged("p1", new PersonalDataCorrected("p1", newId.fields(), PersonalDataCorrectionReason.ENTRY_ERROR, TODAY,
                store.correct("p1", newId, PersonalDataCorrectionReason.ENTRY_ERROR, TODAY, "secretary")));
        now = now.plus(PersonRegisterStore.UNACKNOWLEDGED_CLAIM_WINDOW);

        registeredInTheLog("p2", person("Trần Văn Minh", "079195000001"));

        assertThat(store.asOf("p2", TODAY).orElseThrow().fullName()).isEqualTo("Trần Văn Minh");
    }

    @Test
    @DisplayName("a batch of registrations reads back each person once the log names the versions")
    void aBatchOfRegistrationsReadsBackEachPerson() {
        Map<String, String> versions = store.registerAll(Map.of("p1", person("Nguyễn Thị Lan", "079195000001"),
                "p2", person("Trần Văn Minh", "079195000002")), "board");
        versions.forEach((personId, version) -> logged(personId, new PersonRegistered(personId,
                person("", "").fields(), "kp1", version)));

        assertThat(store.asOf("p1", TODAY)).contains(person("Nguyễn Thị Lan", "079195000001"));
        assertThat(store.asOf("p2", TODAY)).contains(person("Trần Văn Minh", "079195000002"));
    }

    @Test
    @DisplayName("a batch written again after its append failed gives the persons new versions, under the same key")
    void aBatchWrittenAgainGivesNewVersions() {
        Map<String, PersonalData> batch = Map.of("p1", person("Nguyễn Thị Lan", "079195000001"));
        String first = store.registerAll(batch, "board").get("p1");

        String second = store.registerAll(batch, "board").get("p1");
        logged("p1", new PersonRegistered("p1", person("", "").fields(), "kp1", second));

        assertThat(second).isNotEqualTo(first);
        assertThat(store.asOf("p1", TODAY)).contains(person("Nguyễn Thị Lan", "079195000001"));
    }

    @Test
    @DisplayName("a batch naming a national ID another person holds is refused")
    void aBatchNamingAnotherPersonsNationalIdIsRefused() {
        registeredInTheLog("p1", person("Nguyễn Thị Lan", "079195000001"));

        assertThatThrownBy(() -> store.registerAll(Map.of("p2", person("Trần Văn Minh", "079195000001")), "board"))
                .isInstanceOf(PersonRegisterRefusal.class);
    }
}
