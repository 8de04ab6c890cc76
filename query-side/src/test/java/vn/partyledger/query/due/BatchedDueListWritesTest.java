package vn.partyledger.query.due;

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
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.correction.CorrectionReason;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.exemption.ExemptionReason;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.member.ApplicationSubmitted;
import vn.partyledger.domain.member.AwarenessCourseCompleted;
import vn.partyledger.domain.member.BranchAdmissionVoteRecorded;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.RecruitmentPolicy;
import vn.partyledger.domain.shared.PublishedYear;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.transfer.MemberTemporarilyAttached;
import vn.partyledger.domain.transfer.MemberTransferClosed;
import vn.partyledger.domain.transfer.MemberTransferOpened;
import vn.partyledger.domain.transfer.TemporaryAttachmentEnded;
import vn.partyledger.domain.transfer.TemporaryAttachmentExtended;
import vn.partyledger.domain.transfer.TransferLetterIssued;
import vn.partyledger.domain.transfer.TransferLetterPresented;
import vn.partyledger.domain.transfer.TransferTrigger;
import vn.partyledger.domain.transfer.TransferType;
import vn.partyledger.query.batch.BatchedWritesTest;
import vn.partyledger.query.batch.PooledReplay;
import vn.partyledger.query.batch.PooledReplay.TokenProbe;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The due list behind a real pooled processor: every write and read it sends to its collections is by {@code _id}, so
 * the embedded server, which keeps no other index, never scans them; a batch's item writes reach the store as one bulk
 * write, before the batch's token; and a batch handled again gives the same documents (ADR 0038).
 */
class BatchedDueListWritesTest extends BatchedWritesTest {

    private static final LocalDate VOTED = LocalDate.of(2024, 6, 3);
    private static final LocalDate CEREMONY = LocalDate.of(2024, 9, 2);
    private static final int MEMBERS = 20;
    private static final List<String> COLLECTIONS = List.of(DueListProjection.ITEMS, DueListProjection.SUBJECTS);
    private static final WorkingDayCalendar WEEKDAYS = new WorkingDayCalendar(IntStream.rangeClosed(2000, 2040)
            .mapToObj(year -> new PublishedYear(Year.of(year), Set.of(), Set.of())).toList());

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    /** Per due-list collection, the statements of each update command sent to it, in order. */
    private final Map<String, List<Integer>> updateCommands = new ConcurrentHashMap<>();
    /** The statements of each delete command sent to the due list's collections. */
    private final List<Integer> deleteCommands = new CopyOnWriteArrayList<>();
    /**
     * The filters of every update, delete and find sent to a due-list collection of the processor's database, copied:
     * the driver's own are read from its buffer, valid only while the listener is told.
     */
    private final List<BsonDocument> filters = new CopyOnWriteArrayList<>();
    private final List<EventMessage<?>> log = history();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        CommandListener commands = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonDocument command = event.getCommand();
                String name = event.getCommandName();
                // the projection's database only: the events handled one by one go to another
                if (!event.getDatabaseName().equals("test") || !command.containsKey(name)
                        || !command.get(name).isString() || !COLLECTIONS.contains(command.getString(name).getValue())) {
                    return;
                }
                switch (name) {
                    case "update" -> {
                        updateCommands.computeIfAbsent(command.getString(name).getValue(),
                                collection -> new CopyOnWriteArrayList<>()).add(command.getArray("updates").size());
                        command.getArray("updates").forEach(update -> filters.add(update.asDocument().getDocument("q").clone()));
                    }
                    case "delete" -> {
                        deleteCommands.add(command.getArray("deletes").size());
                        command.getArray("deletes")
                                .forEach(delete -> filters.add(delete.asDocument().getDocument("q").clone()));
                    }
                    case "find" -> filters.add(command.getDocument("filter", new BsonDocument()).clone());
                    default -> {
                    }
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(commands)
                .build());
        database = client.getDatabase("test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void everyUpdateDeleteAndFindIsByIdAndABatchsItemsAreOneBulkWriteBeforeItsToken() throws Exception {
        TokenProbe tokens = tokens(false);

        replay(tokens);

        assertThat(List.copyOf(filters)).as("filters sent to the due list's collections").isNotEmpty()
                .allSatisfy(filter -> assertThat(byIdOnly(filter)).as("by _id only: %s", filter).isTrue());
        // the driver sends an ordered bulk write as one command per run of one kind of write: an annulment's delete
        // ends a run of updates
        assertThat(updateCommands.get(DueListProjection.ITEMS)).as("item updates: one bulk write per batch")
                .hasSizeLessThanOrEqualTo(tokens.stored().size() + deleteCommands.size())
                .anyMatch(statements -> statements > MEMBERS);
        assertThat(tokens.countsWhenStored()).as("each token stored after the items of its batch").allMatch(count -> count > 0)
                .last().isEqualTo(database.getCollection(DueListProjection.ITEMS).countDocuments());
        assertThat(documents()).as("the documents of the events handled one by one").isEqualTo(handledOneByOne());
    }

    private static boolean byIdOnly(BsonDocument filter) {
        if (!filter.keySet().equals(Set.of("_id"))) {
            return false;
        }
        BsonValue id = filter.get("_id");
        return !id.isDocument() || id.asDocument().keySet().equals(Set.of("$in"));
    }

    private DueListProjection projection(MongoDatabase into) {
        return new DueListProjection(into, WEEKDAYS, AdmissionPolicy.DEFAULTS, RecruitmentPolicy.DEFAULTS,
                query -> Optional.empty(), (branchId, date, minimum) -> Optional.empty(),
                SimpleQueryUpdateEmitter.builder().build());
    }

    @Override
    protected void replay(TokenProbe tokens) throws InterruptedException {
        PooledReplay.replay(log, SimpleEventHandlerInvoker.builder().eventHandlers(projection(database)).build(), tokens,
                tokens::atHead);
    }

    /** An in-memory token store noting how many items were stored whenever a token is. */
    @Override
    protected TokenProbe tokens(boolean failFirst) {
        return new TokenProbe(failFirst, () -> database.getCollection(DueListProjection.ITEMS).countDocuments());
    }

    /** The same log handled event by event, into a database of its own. */
    @Override
    protected List<Document> handledOneByOne() {
        MongoDatabase alone = client.getDatabase("one-by-one");
        alone.drop();
        PooledReplay.handleEachInItsOwnUnitOfWork(projection(alone), log);
        return PooledReplay.documents(alone, COLLECTIONS);
    }

    @Override
    protected List<Document> documents() {
        return PooledReplay.documents(database, COLLECTIONS);
    }

    /**
     * Candidates through their vote, decision and ceremony to recognition, so later events of a batch settle items
     * opened earlier in it; every other one then moves home with a letter, every third is attached elsewhere for a
     * while, extended and back, every fourth has an exemption granted and annulled, and every fifth dies.
     */
    private static List<EventMessage<?>> history() {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            Aggregate member = new Aggregate("Member", "m" + m, events);
            member.says(new OutstandingCandidateRegistered(member.id, "p" + m, "kp1",
                    Sensitive.of("p" + m, CandidateSource.RESIDENT), null, VOTED.minusMonths(6)));
            member.says(new AwarenessCourseCompleted(member.id, "GCN-" + m, "ward-15", VOTED.minusMonths(5)));
            member.says(new ApplicationSubmitted(member.id, VOTED.minusMonths(2), false, "LL-" + m, false, false));
            member.says(new BranchAdmissionVoteRecorded(member.id, "kp1-2024-06", VOTED, 6, 5, 1, true));
            member.says(new AdmissionApproved(member.id, VOTED.plusMonths(1), "ward-15", VOTED.plusMonths(2), false));
            member.says(new MemberAdmitted(member.id, "p" + m, "kp1", CEREMONY, CEREMONY.plusMonths(12),
                    VOTED.plusMonths(1), false));
            member.says(new FullMembershipRecognized(member.id, "kp1", CEREMONY.plusMonths(13),
                    CEREMONY.plusMonths(12), "ward-15", false));
            if (m % 2 == 0) {
                moves(member, "t" + m, LocalDate.of(2026, 3, 2));
            }
            if (m % 3 == 0) {
                attached(member, "a" + m, LocalDate.of(2026, 5, 4));
            }
            if (m % 4 == 0) {
                LocalDate from = LocalDate.of(2026, 9, 1);
                member.says(new ExemptionGranted(member.id, ExemptionKind.TEMPORARY,
                        Sensitive.of("p" + m, ExemptionReason.WORKING_AWAY), from, from.plusMonths(6), "ward-15",
                        "don-" + m));
                member.says(new EntryAnnulled(member.id, "event-" + m, EntryType.EXEMPTION_GRANTED, "kp1", from, null,
                        CorrectionReason.WRONG_MEMBER, "ward-15", from.plusDays(20)));
            }
            if (m % 5 == 0) {
                member.says(new MemberDeceased(member.id, "kp1", LocalDate.of(2027, 2, 1)));
            }
        }
        return events;
    }

    /** An official transfer: the case's letter, the member's side, the presentation and the new home. */
    private static void moves(Aggregate member, String transferId, LocalDate letterDate) {
        Aggregate transfer = new Aggregate("TransferCase", transferId, member.events);
        String home = member.home;
        transfer.says(new TransferLetterIssued(transferId, member.id, TransferType.OFFICIAL, home, "kp2", "ward-15",
                "31-" + transferId, letterDate, letterDate.plusDays(40), TransferTrigger.RESIDENCE_CHANGE,
                letterDate.minusDays(5), null, false));
        member.says(new MemberTransferOpened(member.id, transferId, TransferType.OFFICIAL, home, "kp2", letterDate));
        transfer.says(new TransferLetterPresented(transferId, member.id, TransferType.OFFICIAL, "kp2",
                letterDate.plusDays(9), null));
        member.says(new MemberHomeChanged(member.id, transferId, home, "kp2", letterDate.plusDays(9)));
        member.home = "kp2";
    }

    /** A temporary transfer: presented, the member attached, the attachment extended, then the member back. */
    private static void attached(Aggregate member, String transferId, LocalDate letterDate) {
        Aggregate transfer = new Aggregate("TransferCase", transferId, member.events);
        LocalDate from = letterDate.plusDays(7);
        LocalDate expected = letterDate.plusMonths(6);
        LocalDate extended = letterDate.plusMonths(9);
        transfer.says(new TransferLetterIssued(transferId, member.id, TransferType.TEMPORARY, member.home, "kp3",
                "ward-15", "32-" + transferId, letterDate, letterDate.plusDays(40), TransferTrigger.RESIDENCE_CHANGE,
                letterDate.minusDays(5), expected, false));
        member.says(new MemberTransferOpened(member.id, transferId, TransferType.TEMPORARY, member.home, "kp3",
                letterDate));
        transfer.says(new TransferLetterPresented(transferId, member.id, TransferType.TEMPORARY, "kp3", from, null));
        member.says(new MemberTemporarilyAttached(member.id, transferId, member.home, "kp3", from, expected));
        transfer.says(new TemporaryAttachmentExtended(transferId, member.id, expected, extended,
                expected.minusDays(10)));
        transfer.says(new TemporaryAttachmentEnded(transferId, member.id, "kp3", extended.minusDays(3), "nx"));
        member.says(new MemberTransferClosed(member.id, transferId, extended.minusDays(3)));
    }

    /** An aggregate's stream: a member's, with the member's home, or a transfer case's. */
    private static final class Aggregate {
        private final String type;
        private final String id;
        private final List<EventMessage<?>> events;
        private String home = "kp1";
        private long sequence;

        Aggregate(String type, String id, List<EventMessage<?>> events) {
            this.type = type;
            this.id = id;
            this.events = events;
        }

        void says(Object payload) {
            events.add(new GenericDomainEventMessage<>(type, id, sequence++, payload));
        }
    }
}
