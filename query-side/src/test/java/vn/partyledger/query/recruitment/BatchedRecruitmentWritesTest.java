package vn.partyledger.query.recruitment;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.correction.CorrectionReason;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.person.Gender;
import vn.partyledger.domain.person.PersonProfile;
import vn.partyledger.domain.person.Religion;
import vn.partyledger.domain.recruitment.SmallCellSuppression;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.query.batch.PooledReplay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recruitment projection behind a real pooled processor: every write and every read its handlers make is keyed
 * by {@code _id} alone, which the embedded store answers from its index (any other filter scans the collection, so a
 * rebuild would grow with the square of the log), and a batch leaves the documents the events leave one by one
 * (ADR 0038).
 */
class BatchedRecruitmentWritesTest {

    private static final int MEMBERS = 12;
    private static final LocalDate DECIDED = LocalDate.of(2024, 5, 6);
    private static final List<String> COLLECTIONS = List.of("recruitment_steps", "recruitment_members",
            AdmissionBreakdowns.COLLECTION);

    private MongoServer server;
    private MongoClient client;
    /** Each filter the handlers sent to the projection's database: of updates, deletes and finds. */
    private final List<BsonDocument> filters = new CopyOnWriteArrayList<>();
    private final List<EventMessage<?>> log = history();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (!event.getDatabaseName().equals("test")) {
                    return;
                }
                BsonDocument command = event.getCommand();
                switch (event.getCommandName()) {
                    case "update" -> command.getArray("updates").forEach(statement ->
                            filters.add(statement.asDocument().getDocument("q").clone()));
                    case "delete" -> command.getArray("deletes").forEach(statement ->
                            filters.add(statement.asDocument().getDocument("q").clone()));
                    // copied: the command's document is released once it is sent
                    case "find" -> filters.add(command.getDocument("filter", new BsonDocument()).clone());
                    default -> {
                    }
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(listener)
                .build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aBatchReadsAndWritesByIdAloneAndLeavesTheDocumentsOfTheEventsOneByOne() throws Exception {
        replay(client.getDatabase("test"));

        assertThat(filters).as("filters sent").isNotEmpty()
                .allSatisfy(filter -> assertThat(filter.keySet()).as("keys of %s", filter).containsExactly("_id"));
        assertThat(documents(client.getDatabase("test"))).isEqualTo(handledOneByOne());
    }

    @Test
    void aLogReplayedAgainFromTheTailChangesNothing() throws Exception {
        replay(client.getDatabase("test"));
        List<Document> once = documents(client.getDatabase("test"));

        replay(client.getDatabase("test"));

        assertThat(documents(client.getDatabase("test"))).isEqualTo(once);
    }

    private void replay(MongoDatabase database) throws InterruptedException {
        List<TrackingToken> stored = new CopyOnWriteArrayList<>();
        InMemoryTokenStore tokens = new InMemoryTokenStore() {
            @Override
            public void storeToken(TrackingToken token, String processorName, int segment) {
                super.storeToken(token, processorName, segment);
                stored.add(token);
            }
        };
        PooledReplay.replay(log, SimpleEventHandlerInvoker.builder().eventHandlers(projection(database)).build(),
                tokens, position -> PooledReplay.reached(stored, position));
    }

    private static RecruitmentProjection projection(MongoDatabase database) {
        return new RecruitmentProjection(database, query -> Optional.empty(), query -> Optional.empty(),
                (personId, date, knownAt) -> Optional.of(new PersonProfile(LocalDate.of(1998, 3, 1),
                        personId.hashCode() % 2 == 0 ? Gender.FEMALE : Gender.MALE, "01", Religion.NONE, null, null,
                        "worker", true)),
                new SmallCellSuppression(5), SimpleQueryUpdateEmitter.builder().build());
    }

    private List<Document> handledOneByOne() {
        MongoDatabase alone = client.getDatabase("one-by-one");
        PooledReplay.handleOneByOne(projection(alone), log);
        return PooledReplay.documents(alone, COLLECTIONS);
    }

    private static List<Document> documents(MongoDatabase database) {
        return PooledReplay.documents(database, COLLECTIONS);
    }

    /**
     * Candidates registered in two branches, decided and admitted; a third of them moved before recognition; one
     * decision date corrected into the next year, so a later event of the batch takes back what an earlier one counted.
     */
    private static List<EventMessage<?>> history() {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            String member = "m" + m;
            String branch = m % 2 == 0 ? "kp1" : "kp2";
            LocalDate ceremony = DECIDED.plusDays(20 + m);
            events.add(event(member, 0, new OutstandingCandidateRegistered(member, "p-" + member, branch,
                    Sensitive.of("p-" + member, CandidateSource.YOUTH_UNION), null, DECIDED.minusMonths(8))));
            events.add(event(member, 1, new AdmissionApproved(member, DECIDED, "ward-15", DECIDED.plusDays(2),
                    false)));
            events.add(event(member, 2, new MemberAdmitted(member, "p-" + member, branch, ceremony,
                    ceremony.plusMonths(12), DECIDED, false)));
            long sequence = 3;
            if (m % 3 == 0) {
                events.add(event(member, sequence++, new MemberHomeChanged(member, "transfer-" + m, branch, "kp3",
                        ceremony.plusMonths(2))));
            }
            events.add(event(member, sequence, new FullMembershipRecognized(member, m % 3 == 0 ? "kp3" : branch,
                    ceremony.plusMonths(13), ceremony.plusMonths(12), "ward-15", false)));
        }
        events.add(event("m1", 4, new EntryDateCorrected("m1", "e-m1", EntryType.ADMISSION_APPROVED, "kp2", DECIDED,
                LocalDate.of(2025, 1, 6), CorrectionReason.WRONG_DATE, "ward-15", LocalDate.of(2025, 2, 1))));
        return events;
    }

    private static EventMessage<?> event(String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Member", aggregateId, sequence, payload, null,
                UUID.randomUUID().toString(), Instant.parse("2025-03-01T02:00:00Z"));
    }
}
