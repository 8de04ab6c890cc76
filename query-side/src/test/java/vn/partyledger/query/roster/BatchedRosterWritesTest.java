package vn.partyledger.query.roster;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.PartyCardIssued;
import vn.partyledger.domain.organisation.BranchLeadershipElected;
import vn.partyledger.domain.organisation.BranchType;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.roster.RosterChanged;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.query.batch.BatchedWritesTest;
import vn.partyledger.query.batch.PooledReplay;
import vn.partyledger.query.batch.PooledReplay.TokenProbe;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roster projection behind a real pooled processor: a batch's writes reach the store as one bulk write per
 * collection, before the batch's token, and a batch handled again gives the same documents (ADR 0038).
 */
class BatchedRosterWritesTest extends BatchedWritesTest {

    private static final LocalDate FOUNDED = LocalDate.of(2010, 1, 4);
    private static final LocalDate CEREMONY = LocalDate.of(2020, 6, 19);
    private static final int MEMBERS = 20;
    private static final List<String> COLLECTIONS = List.of(BranchRosterProjection.COLLECTION,
            BranchRosterProjection.ENTRIES, BranchRosterProjection.OVERLAYS);

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    /** Per collection of the processor's database, the statements of each update command sent to it, in order. */
    private final Map<String, List<Integer>> updateCommands = new ConcurrentHashMap<>();
    /** Per collection of the processor's database, the documents of each insert command sent to it, in order. */
    private final Map<String, List<Integer>> insertCommands = new ConcurrentHashMap<>();
    /** Per collection of the processor's database, how many find commands were sent to it. */
    private final Map<String, Integer> findCommands = new ConcurrentHashMap<>();
    /** The collections of the processor's database written to, one per update or insert command, in order. */
    private final List<String> writes = new CopyOnWriteArrayList<>();
    private final List<EventMessage<?>> log = history();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        CommandListener updates = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                // the projection's database only: the events handled one by one go to another
                if ((event.getCommandName().equals("update") || event.getCommandName().equals("insert"))
                        && event.getDatabaseName().equals("test")) {
                    writes.add(event.getCommand().getString(event.getCommandName()).getValue());
                }
                if (event.getCommandName().equals("update") && event.getDatabaseName().equals("test")) {
                    updateCommands.computeIfAbsent(event.getCommand().getString("update").getValue(),
                                    collection -> new CopyOnWriteArrayList<>())
                            .add(event.getCommand().getArray("updates").size());
                }
                if (event.getCommandName().equals("insert") && event.getDatabaseName().equals("test")) {
                    insertCommands.computeIfAbsent(event.getCommand().getString("insert").getValue(),
                                    collection -> new CopyOnWriteArrayList<>())
                            .add(event.getCommand().getArray("documents").size());
                }
                if (event.getCommandName().equals("find") && event.getDatabaseName().equals("test")) {
                    findCommands.merge(event.getCommand().getString("find").getValue(), 1, Integer::sum);
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(updates)
                .build());
        database = client.getDatabase("test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aBatchReachesTheStoreAsOneBulkWritePerCollectionBeforeItsToken() throws Exception {
        TokenProbe tokens = tokens(false);

        replay(tokens);

        assertThat(documents()).as("the documents of the events handled one by one").isEqualTo(handledOneByOne());
        for (String collection : COLLECTIONS) {
            // a bulk write of new and stored documents is two commands: the inserts, then the replacements
            assertThat(writeCommands(collection)).as(collection + ": no more bulk writes than batches")
                    .hasSizeLessThanOrEqualTo(2 * tokens.stored().size());
        }
        // members admitted, recognised and half of them moved: one statement per document the batch left, each once
        assertThat(writeCommands(BranchRosterProjection.ENTRIES).stream().mapToInt(Integer::intValue).sum())
                .isLessThanOrEqualTo(MEMBERS + MEMBERS / 2 + tokens.stored().size());
        assertThat(writeCommands(BranchRosterProjection.ENTRIES)).as("a bulk write of many entries")
                .anyMatch(statements -> statements > 1);
        assertThat(tokens.countsWhenStored()).as("each token stored after the entries of its batch")
                .last().isEqualTo(MEMBERS + MEMBERS / 2L);
        assertThat(tokens.countsWhenStored()).allMatch(count -> count > 0);
    }

    @Test
    void aBatchReadsTheEntriesAndOverlaysItsEventsNameWithOneFindEach() throws Exception {
        TokenProbe tokens = tokens(false);

        replay(tokens);

        // every member's events name the member and the home branch; a move's entry in the branch moved to is not
        // named, and is read when the move asks for it
        assertThat(findCommands.get(BranchRosterProjection.ENTRIES)).as("finds of roster entries, %d batches", tokens.stored().size())
                .isLessThanOrEqualTo(tokens.stored().size() + MEMBERS / 2);
        assertThat(findCommands.get(BranchRosterProjection.OVERLAYS)).as("finds of member overlays, %d batches", tokens.stored().size())
                .isLessThanOrEqualTo(tokens.stored().size());
        assertThat(documents()).isEqualTo(handledOneByOne());
    }

    @Test
    void aBatchInsertsTheEntriesAndOverlaysItFoundAbsentAndReplacesThoseStored() throws Exception {
        replay(tokens(false));

        // one batch of the whole log: every member's entry at home, the moved half's entry at the second branch
        assertThat(statements(insertCommands, BranchRosterProjection.ENTRIES)).isEqualTo(MEMBERS + MEMBERS / 2);
        assertThat(statements(insertCommands, BranchRosterProjection.OVERLAYS)).isEqualTo(MEMBERS);
        assertThat(statements(updateCommands, BranchRosterProjection.ENTRIES)).isZero();
        assertThat(statements(updateCommands, BranchRosterProjection.OVERLAYS)).isZero();
        insertCommands.clear();

        replay(tokens(false));

        assertThat(statements(insertCommands, BranchRosterProjection.ENTRIES)).as("stored: replaced, not inserted")
                .isZero();
        assertThat(statements(insertCommands, BranchRosterProjection.OVERLAYS)).isZero();
        assertThat(documents()).isEqualTo(handledOneByOne());
    }

    @Test
    void enteringMembersWritesNothingToTheirBranchsDocument() throws Exception {
        replay(tokens(false));

        // the branches founded and a leadership elected; the 20 admissions and 10 moves write entries alone (ADR 0061)
        assertThat(statements(updateCommands, BranchRosterProjection.COLLECTION)).isEqualTo(3);
        assertThat(database.getCollection(BranchRosterProjection.ENTRIES).countDocuments(Filters.eq("orgId", "kp2")))
                .isEqualTo(MEMBERS / 2);
        assertThat(documents()).isEqualTo(handledOneByOne());
    }

    @Test
    void aBatchCountsTheChangesOfEachBranchOnceAfterItsOtherWrites() throws Exception {
        TokenProbe tokens = tokens(false);

        replay(tokens);

        List<Integer> counted = updateCommands.get(KeptRosterCounts.COLLECTION);
        assertThat(counted).as("one bulk write per batch, one statement per branch")
                .hasSizeLessThanOrEqualTo(tokens.stored().size()).allMatch(statements -> statements <= 2);
        // each count follows the writes of the batch it counts: never two counts in a row, none before a write
        assertThat(writes.get(0)).isNotEqualTo(KeptRosterCounts.COLLECTION);
        for (int w = 1; w < writes.size(); w++) {
            if (writes.get(w).equals(KeptRosterCounts.COLLECTION)) {
                assertThat(writes.get(w - 1)).as("the write before count %d of %s", w, writes)
                        .isNotEqualTo(KeptRosterCounts.COLLECTION);
            }
        }
        assertThat(writes.get(writes.size() - 1)).as("the batch's last write").isEqualTo(KeptRosterCounts.COLLECTION);
        assertThat(documents()).isEqualTo(handledOneByOne());
    }

    @Test
    void aBatchNobodyFollowsSendsNothingToTheEmitter() throws Exception {
        List<Object> sent = new CopyOnWriteArrayList<>();
        SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
        emitter.registerDispatchInterceptor(updates -> (index, update) -> {
            sent.add(update.getPayload());
            return update;
        });

        replay(tokens(false), SimpleEventHandlerInvoker.builder()
                .eventHandlers(new BranchRosterProjection(database, emitter)).build());

        assertThat(sent).isEmpty();
    }

    @Test
    void aLiveRosterGetsTheUpdatesOfItsBranchOnceTheBatchHasCommitted() throws Exception {
        SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
        List<Object> updates = new CopyOnWriteArrayList<>();
        List<Long> entriesStoredWhenTold = new CopyOnWriteArrayList<>();
        emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(new FindBranchRoster("kp2",
                                CEREMONY.plusYears(3)), ResponseTypes.optionalInstanceOf(BranchRoster.class),
                        ResponseTypes.instanceOf(RosterChanged.class)), 256)
                .getUpdates().map(Message::getPayload).subscribe(update -> {
                    entriesStoredWhenTold.add(database.getCollection(BranchRosterProjection.ENTRIES).countDocuments());
                    updates.add(update);
                });

        replay(tokens(false), SimpleEventHandlerInvoker.builder()
                .eventHandlers(new BranchRosterProjection(database, emitter)).build());

        // each member moved to the second branch, whose overlays are looked up once the batch has committed: the
        // card, the entry there, and the transit its home change ends
        List<Object> expected = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m += 2) {
            expected.addAll(Collections.nCopies(3, new RosterChanged("m" + m)));
        }
        assertThat(updates).isEqualTo(expected);
        assertThat(entriesStoredWhenTold).as("told after the batch's entries were stored")
                .containsOnly((long) MEMBERS + MEMBERS / 2);
    }

    @Test
    void anEventTheStoreRefusesIsParkedAloneAndTheRestOfItsBatchIsWritten() throws Exception {
        // a damaged read model: the first branch's list of leadership terms is no longer a list
        database.getCollection(BranchRosterProjection.COLLECTION)
                .insertOne(new Document("_id", "kp1").append("leadership", "damaged"));

        SequencedDeadLetterQueue<EventMessage<?>> parked = replayParkingWhatFails();

        assertThat(parked.amountOfSequences()).as("the leadership elected in the damaged branch").isEqualTo(1);
        assertThat(database.getCollection(BranchRosterProjection.COLLECTION).find(Filters.eq("_id", "kp1")).first()
                .getString("name")).as("founded in the same batch").isEqualTo("Chi bộ kp1");
        assertThat(database.getCollection(BranchRosterProjection.ENTRIES).countDocuments(Filters.eq("orgId", "kp2")))
                .as("moved in the same batch").isEqualTo(MEMBERS / 2);
        List<Document> stayed = database.getCollection(BranchRosterProjection.ENTRIES)
                .find(Filters.in("memberId", List.of("m1", "m3", "m5"))).into(new ArrayList<>());
        assertThat(stayed).extracting(entry -> entry.getList("periods", Document.class).get(1).getString("status"))
                .as("recognised in the same batch").containsOnly("FULL").hasSize(3);
    }

    /**
     * The admission's handler saves the member's entry, then cannot read the member's damaged document: the event is
     * parked with no part of its effect written, and the rest of the batch is (FailedHandlerUndone).
     */
    @Test
    void aHandlerThatFailsAfterQueuingAWriteLeavesNothingOfItsEventWritten() throws Exception {
        database.getCollection(BranchRosterProjection.OVERLAYS)
                .insertOne(new Document("_id", "m1").append("rolls", "damaged"));

        SequencedDeadLetterQueue<EventMessage<?>> parked = replayParkingWhatFails();

        assertThat(parked.amountOfSequences()).as("the damaged member's events").isEqualTo(1);
        assertThat(database.getCollection(BranchRosterProjection.ENTRIES).find(Filters.eq("_id", "kp1/m1")).first())
                .as("the parked admission's entry").isNull();
        assertThat(database.getCollection(BranchRosterProjection.ENTRIES).countDocuments(Filters.eq("orgId", "kp1")))
                .as("the other members' entries, written in the same batch").isEqualTo(MEMBERS - 1);
    }

    /** Replays the log through the roster behind a dead-letter queue, as the application runs it; the queue. */
    private SequencedDeadLetterQueue<EventMessage<?>> replayParkingWhatFails() throws InterruptedException {
        SequencedDeadLetterQueue<EventMessage<?>> parked = InMemorySequencedDeadLetterQueue.defaultQueue();
        replay(tokens(false), DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(new BranchRosterProjection(database, SimpleQueryUpdateEmitter.builder().build()))
                .queue(parked)
                .transactionManager(NoTransactionManager.INSTANCE)
                .build());
        return parked;
    }

    /** The insert and update commands sent to {@code collection}, each with its statements, inserts first. */
    private List<Integer> writeCommands(String collection) {
        List<Integer> commands = new ArrayList<>(insertCommands.getOrDefault(collection, List.of()));
        commands.addAll(updateCommands.getOrDefault(collection, List.of()));
        return commands;
    }

    private static int statements(Map<String, List<Integer>> commands, String collection) {
        return commands.getOrDefault(collection, List.of()).stream().mapToInt(Integer::intValue).sum();
    }

    /** A token probe noting how many roster entries were stored whenever a token is. */
    @Override
    protected TokenProbe tokens(boolean failFirst) {
        return new TokenProbe(failFirst, () -> database.getCollection(BranchRosterProjection.ENTRIES).countDocuments());
    }

    @Override
    protected void replay(TokenProbe tokens) throws InterruptedException {
        replay(tokens, SimpleEventHandlerInvoker.builder()
                .eventHandlers(new BranchRosterProjection(database, SimpleQueryUpdateEmitter.builder().build()))
                .build());
    }

    private void replay(TokenProbe tokens, EventHandlerInvoker handlers) throws InterruptedException {
        PooledReplay.replay(log, handlers, tokens, tokens::atHead);
    }

    /** The same log handled event by event, outside any unit of work, into a database of its own. */
    @Override
    protected List<Document> handledOneByOne() {
        MongoDatabase alone = client.getDatabase("one-by-one");
        PooledReplay.handleOneByOne(new BranchRosterProjection(alone, SimpleQueryUpdateEmitter.builder().build()), log);
        return PooledReplay.documents(alone, COLLECTIONS);
    }

    @Override
    protected List<Document> documents() {
        return PooledReplay.documents(database, COLLECTIONS);
    }

    /**
     * Two branches; members admitted, recognised and given a card, half of them then moving to the second branch, so
     * later events of the batch change entries and overlays written earlier in it; a leadership elected.
     */
    private static List<EventMessage<?>> history() {
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(event("kp1", 0, branch("kp1")));
        events.add(event("kp2", 0, branch("kp2")));
        for (int m = 0; m < MEMBERS; m++) {
            String member = "m" + m;
            events.add(event(member, 0, new MemberAdmitted(member, "person-" + member, "kp1", CEREMONY,
                    CEREMONY.plusMonths(12), CEREMONY.minusDays(10), false)));
            events.add(event(member, 1, new FullMembershipRecognized(member, "kp1", CEREMONY.plusMonths(13),
                    CEREMONY.plusMonths(12), "ward-15", false)));
            events.add(event(member, 2, new PartyCardIssued(member, "TĐ-" + m, CEREMONY.plusMonths(14), "ward-15",
                    "kp1-meeting")));
            if (m % 2 == 0) {
                events.add(event(member, 3, new MemberHomeChanged(member, "transfer-" + m, "kp1", "kp2",
                        CEREMONY.plusYears(3))));
            }
        }
        events.add(event("kp1", 1, new BranchLeadershipElected("kp1", CEREMONY.plusYears(2), "m1", List.of("m3"),
                List.of("m1", "m3", "m5"))));
        return events;
    }

    private static OrganisationEstablished branch(String orgId) {
        return new OrganisationEstablished(orgId, "Chi bộ " + orgId, OrganisationKind.SUBORDINATE_BRANCH,
                BranchType.RESIDENTIAL, "ward-15", null, OrganisationFlags.NONE, 5, false, FOUNDED);
    }

    private static EventMessage<?> event(String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Aggregate", aggregateId, sequence, payload);
    }
}
