package vn.partyledger.infra.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.eventstore.FaultInjectingLogStore.Fault.CRASH_AFTER;
import static vn.partyledger.infra.eventstore.FaultInjectingLogStore.Fault.CRASH_BEFORE;
import static vn.partyledger.infra.eventstore.FaultInjectingLogStore.Fault.FAIL;
import static vn.partyledger.infra.eventstore.FaultInjectingLogStore.Fault.LOSE_REPLY;
import static vn.partyledger.infra.eventstore.FaultInjectingLogStore.Fault.STALL;
import static vn.partyledger.infra.eventstore.FaultInjectingLogStore.Step.ALLOCATE;
import static vn.partyledger.infra.eventstore.FaultInjectingLogStore.Step.INSERT_COMMIT;
import static vn.partyledger.infra.eventstore.FaultInjectingLogStore.Step.INSERT_ENTRIES;
import static vn.partyledger.infra.eventstore.SampleEvents.event;

/**
 * A fault at every database call of an append. The append under test is a merge-like multi-aggregate append: the
 * next event of A (whose next stream entry was left void by an abandoned append, so the entry is taken over), the
 * next of B, and an event outside any aggregate. Its calls are first traced on a healthy run; then, for every call
 * of the trace and every fault, the scenario is run again with that one fault injected, a restarted node appends to
 * both aggregates, and the log is audited ({@link FaultScenario#audit()}).
 * <p>
 * The same is done for the calls that resolve a commit insert whose reply was lost or that failed (sealing the
 * writer's own position), with the first fault on the commit insert and a second one at each call after it.
 */
class AppendFaultTest {

    static final String A = "account-A";
    static final String B = "account-B";

    private static final ExecutorService WRITERS = Executors.newCachedThreadPool();
    private static final EmbeddedMongo SERVER = EmbeddedMongo.inMemory();

    @AfterAll
    static void stop() {
        WRITERS.shutdownNow();
        SERVER.close();
    }

    @TestFactory
    Stream<DynamicTest> aFaultAtEveryCallOfAnAppend() {
        return matrix(Map.of());
    }

    @TestFactory
    Stream<DynamicTest> aFaultAtEveryCallResolvingALostCommitReply() {
        return matrix(Map.of(new FaultInjectingLogStore.Call(INSERT_COMMIT, 1), LOSE_REPLY));
    }

    @TestFactory
    Stream<DynamicTest> aFaultAtEveryCallResolvingAFailedCommitInsert() {
        return matrix(Map.of(new FaultInjectingLogStore.Call(INSERT_COMMIT, 1), FAIL));
    }

    @Test
    void aStalledWriterWhosePositionAReaderSealsFailsCleanlyAndTheReaderDeliversLaterEvents() throws Exception {
        try (FaultScenario scenario = new FaultScenario(SERVER)) {
            scenario.append(scenario.engine(), "X 0", event("X", 0));
            FaultInjectingLogStore store = scenario.faultyStore().arm(Map.of(call(INSERT_COMMIT), STALL));
            MongoEventStorageEngine writer = scenario.engine(store);
            Future<FaultScenario.Append> stalled =
                    WRITERS.submit(() -> scenario.append(writer, "Y 0 stalled", null, List.of(event("Y", 0))));
            assertThat(store.awaitStalled()).isTrue();

            assertThat(scenario.readLive()).as("the reader stops before the writer's empty position").hasSize(1);
            scenario.advancePastSealAfter();
            scenario.readLive();
            FaultScenario.Append later = scenario.append(scenario.engine(), "Z 0", event("Z", 0));
            assertThat(scenario.readLive()).extracting(EventMessage::getIdentifier)
                                           .as("the sealed position no longer holds the reader back")
                                           .isEqualTo(later.eventIds());
            store.release();

            FaultScenario.Append writerOutcome = stalled.get(20, TimeUnit.SECONDS);
            assertThat(writerOutcome.failure).isInstanceOf(AppendAbandonedException.class);
            scenario.assertNothingRefusedVisible();
            scenario.appendNext(scenario.engine(), "Y");
            scenario.audit();
        }
    }

    /** No reader involved: the other writer seals the stalled writer's position itself, and only after sealAfter. */
    @Test
    void aStalledWriterKeepsItsClaimedSequenceNumberUntilAnotherWriterSealsItsPosition() throws Exception {
        try (FaultScenario scenario = new FaultScenario(SERVER)) {
            scenario.append(scenario.engine(), "X 0", event("X", 0));
            FaultInjectingLogStore store = scenario.faultyStore().arm(Map.of(call(INSERT_COMMIT), STALL));
            MongoEventStorageEngine stalledWriter = scenario.engine(store);
            Future<FaultScenario.Append> stalled =
                    WRITERS.submit(() -> scenario.append(stalledWriter, "X 1 stalled", null, List.of(event("X", 1))));
            assertThat(store.awaitStalled()).isTrue();

            MongoEventStorageEngine other = scenario.engine();
            FaultScenario.Append tooEarly = scenario.append(other, "X 1 while claimed", event("X", 1));
            assertThat(tooEarly.failure).isInstanceOf(ConcurrencyException.class);
            scenario.advancePastSealAfter();
            FaultScenario.Append afterSealing = scenario.append(other, "X 1 after sealing", event("X", 1));
            assertThat(afterSealing.outcome).isEqualTo(FaultScenario.Outcome.ACKNOWLEDGED);
            store.release();

            assertThat(stalled.get(20, TimeUnit.SECONDS).failure).isInstanceOf(AppendAbandonedException.class);
            scenario.audit();
        }
    }

    /**
     * {@code createHeadToken} promises that an append acknowledged after the token was made is delivered from it,
     * even at a position lower than one already stored, however many appends were allocated after it (the head looks
     * for positions in flight from the log's filled-through mark, not among the last few positions only).
     */
    @Test
    void anAppendAcknowledgedAfterAHeadTokenWasMadeIsDeliveredFromIt() throws Exception {
        try (FaultScenario scenario = new FaultScenario(SERVER)) {
            FaultInjectingLogStore store = scenario.faultyStore().arm(Map.of(call(INSERT_COMMIT), STALL));
            MongoEventStorageEngine slowWriter = scenario.engine(store);
            Future<FaultScenario.Append> slow =
                    WRITERS.submit(() -> scenario.append(slowWriter, "S 0 slow", null, List.of(event("S", 0))));
            assertThat(store.awaitStalled()).isTrue();
            MongoEventStorageEngine other = scenario.engine();
            for (int i = 0; i < 2 * FaultScenario.BATCH_SIZE; i++) {
                scenario.append(other, "T" + i + " 0", event("T" + i, 0));
            }
            TrackingToken head = other.createHeadToken();
            store.release();
            FaultScenario.Append acknowledged = slow.get(20, TimeUnit.SECONDS);
            assertThat(acknowledged.outcome).isEqualTo(FaultScenario.Outcome.ACKNOWLEDGED);

            assertThat(other.readEvents(head, false).map(EventMessage::getIdentifier).toList())
                    .as("read from the head token").containsAll(acknowledged.eventIds());
            scenario.audit();
        }
    }

    @Test
    void aLostReplyToTheCommitInsertIsResolvedAsSuccessAndTheEventIsVisibleOnce() {
        try (FaultScenario scenario = new FaultScenario(SERVER)) {
            FaultInjectingLogStore store = scenario.faultyStore().arm(Map.of(call(INSERT_COMMIT), LOSE_REPLY));
            FaultScenario.Append append = scenario.append(scenario.engine(store), "X 0-1", event("X", 0),
                                                          event("X", 1));
            assertThat(append.outcome).isEqualTo(FaultScenario.Outcome.ACKNOWLEDGED);
            assertThat(scenario.fullReadIds()).isEqualTo(append.eventIds());
            scenario.appendNext(scenario.engine(), "X");
            scenario.audit();
        }
    }

    @Test
    void aCrashBetweenClaimingEntriesAndInsertingTheCommitBlocksTheAggregateOnlyUntilItsPositionIsSealed() {
        try (FaultScenario scenario = new FaultScenario(SERVER)) {
            scenario.append(scenario.engine(), "X 0", event("X", 0));
            FaultInjectingLogStore store = scenario.faultyStore().arm(Map.of(call(INSERT_COMMIT), CRASH_BEFORE));
            FaultScenario.Append crashed = scenario.append(scenario.engine(store), "X 1 crashed", event("X", 1));
            scenario.settle(crashed, false);

            MongoEventStorageEngine restarted = scenario.engine();
            FaultScenario.Append blocked = scenario.append(restarted, "X 1 while claimed", event("X", 1));
            assertThat(blocked.failure).as("the dead writer's entry still claims X 1")
                                       .isInstanceOf(ConcurrencyException.class);
            scenario.advancePastSealAfter();
            FaultScenario.Append afterSealing = scenario.append(restarted, "X 1 after sealing", event("X", 1));
            assertThat(afterSealing.outcome).isEqualTo(FaultScenario.Outcome.ACKNOWLEDGED);
            scenario.audit();
        }
    }

    @Test
    void aCrashInsideAMultiAggregateAppendLeavesNothingOfItVisibleEver() {
        try (FaultScenario scenario = new FaultScenario(SERVER)) {
            scenario.append(scenario.engine(), "A 0", event(A, 0));
            FaultInjectingLogStore store = scenario.faultyStore().arm(Map.of(call(INSERT_ENTRIES), CRASH_AFTER));
            FaultScenario.Append crashed = scenario.append(scenario.engine(store), "merge crashed", null,
                                                           List.of(event(A, 1), event(B, 0), FaultScenario.note("m")));
            scenario.settle(crashed, false);
            scenario.readLive();
            scenario.assertNothingRefusedVisible();
            scenario.readLiveToTheEnd();
            scenario.assertNothingRefusedVisible();
            MongoEventStorageEngine restarted = scenario.engine();
            scenario.appendNext(restarted, A);
            scenario.appendNext(restarted, B);
            scenario.assertNothingRefusedVisible();
            scenario.audit();
        }
    }

    /**
     * A commit larger than the server's document limit is refused by the driver before it is sent, with an exception
     * that is not a {@code MongoException}. The writer must still seal its own position, as for any failure before
     * its commit is stored, rather than leave every reader waiting {@code sealAfter} at it.
     */
    @Test
    void aCommitTooLargeToStoreIsRefusedAndItsPositionSealedAtOnce() {
        try (FaultScenario scenario = new FaultScenario(SERVER)) {
            MongoEventStorageEngine engine = scenario.engine();
            String huge = "x".repeat(17 * 1024 * 1024);
            FaultScenario.Append tooLarge = scenario.append(
                    engine, "X 0 too large", SampleEvents.deposited("X", 0, 1)
                                                         .andMetaData(Map.of("attachment", huge)));
            assertThat(tooLarge.outcome).isEqualTo(FaultScenario.Outcome.REFUSED);
            FaultScenario.Append later = scenario.append(engine, "Y 0", event("Y", 0));

            assertThat(scenario.readLive()).extracting(EventMessage::getIdentifier)
                                           .as("delivered without waiting for the refused append's position")
                                           .isEqualTo(later.eventIds());
            scenario.appendNext(engine, "X");
            scenario.audit();
        }
    }

    private static FaultInjectingLogStore.Call call(FaultInjectingLogStore.Step step) {
        return new FaultInjectingLogStore.Call(step, 1);
    }

    /** One test per call made after the {@code first} faults (if any) and per fault. */
    private Stream<DynamicTest> matrix(Map<FaultInjectingLogStore.Call, FaultInjectingLogStore.Fault> first) {
        List<FaultInjectingLogStore.Call> trace = traceAfter(SERVER, first);
        return plans(first, trace, EnumSet.allOf(FaultInjectingLogStore.Fault.class)).stream()
                .map(plan -> DynamicTest.dynamicTest(plan.toString(), () -> run(plan, trace)));
    }

    /** The {@code first} faults plus one of {@code faults} at one call of {@code trace}, for every such pair. */
    static List<Map<FaultInjectingLogStore.Call, FaultInjectingLogStore.Fault>> plans(
            Map<FaultInjectingLogStore.Call, FaultInjectingLogStore.Fault> first,
            List<FaultInjectingLogStore.Call> trace, Set<FaultInjectingLogStore.Fault> faults) {
        assertThat(trace).as("calls to put a fault on").isNotEmpty();
        List<Map<FaultInjectingLogStore.Call, FaultInjectingLogStore.Fault>> plans = new ArrayList<>();
        for (FaultInjectingLogStore.Call call : trace) {
            for (FaultInjectingLogStore.Fault fault : faults) {
                Map<FaultInjectingLogStore.Call, FaultInjectingLogStore.Fault> plan = new LinkedHashMap<>(first);
                plan.put(call, fault);
                plans.add(plan);
            }
        }
        return plans;
    }

    /** The calls the append under test makes after the {@code first} faults were hit, on an otherwise healthy run. */
    static List<FaultInjectingLogStore.Call> traceAfter(
            EmbeddedMongo server, Map<FaultInjectingLogStore.Call, FaultInjectingLogStore.Fault> first) {
        try (FaultScenario scenario = new FaultScenario(server)) {
            prepare(scenario);
            FaultInjectingLogStore store = scenario.faultyStore().arm(first);
            scenario.append(scenario.engine(store), "traced", FaultScenario.requestKey(), appendUnderTest());
            List<FaultInjectingLogStore.Call> trace = store.trace();
            int after = first.keySet().stream().mapToInt(trace::indexOf).max().orElse(-1);
            return trace.subList(after + 1, trace.size());
        }
    }

    /** The log before the append under test: A 0-1, B 0, and a void entry at A 2 left by an abandoned append. */
    static void prepare(FaultScenario scenario) {
        MongoEventStorageEngine healthy = scenario.engine();
        scenario.append(healthy, "A 0-1", event(A, 0), event(A, 1));
        scenario.append(healthy, "B 0", event(B, 0));
        FaultInjectingLogStore failing = scenario.faultyStore()
                                                 .arm(Map.of(new FaultInjectingLogStore.Call(INSERT_COMMIT, 1), FAIL));
        FaultScenario.Append abandoned = scenario.append(scenario.engine(failing), "A 2 abandoned", event(A, 2));
        assertThat(abandoned.failure).isInstanceOf(AppendAbandonedException.class);
        scenario.readLive();
    }

    static List<EventMessage<?>> appendUnderTest() {
        return List.of(event(A, 2), event(B, 1), FaultScenario.note("merge of A and B"));
    }

    private void run(Map<FaultInjectingLogStore.Call, FaultInjectingLogStore.Fault> plan,
                     List<FaultInjectingLogStore.Call> trace) throws Exception {
        try (FaultScenario scenario = new FaultScenario(SERVER)) {
            prepare(scenario);
            FaultInjectingLogStore store = scenario.faultyStore().arm(plan);
            MongoEventStorageEngine writer = scenario.engine(store);
            String requestKey = FaultScenario.requestKey();
            FaultScenario.Append underTest;
            if (plan.values().stream().anyMatch(FaultInjectingLogStore.Fault::stalls)) {
                Future<FaultScenario.Append> stalled =
                        WRITERS.submit(() -> scenario.append(writer, "under test", requestKey, appendUnderTest()));
                assertThat(store.awaitStalled()).as("the stall was reached").isTrue();
                whileStalled(scenario);
                store.release();
                underTest = stalled.get(20, TimeUnit.SECONDS);
            } else {
                underTest = scenario.append(writer, "under test", requestKey, appendUnderTest());
            }
            assertThat(store.allFired()).as("every fault of %s was hit", plan).isTrue();
            if (underTest.outcome == FaultScenario.Outcome.KILLED) {
                scenario.settle(underTest, commitApplied(plan));
            }
            if (plan.size() == 1) {
                assertThat(underTest.outcome).as("%s", underTest).isEqualTo(expected(plan, trace));
            }
            scenario.readLive();
            scenario.assertNothingRefusedVisible();

            MongoEventStorageEngine restarted = scenario.engine();
            scenario.appendNext(restarted, A);
            scenario.appendNext(restarted, B);
            scenario.audit();
        }
    }

    /**
     * Meanwhile, time passes beyond every limit, a reader seals the positions it finds empty (the stalled writer's
     * own, if it has one by now), and another node appends.
     */
    static void whileStalled(FaultScenario scenario) {
        scenario.readLive();
        scenario.advancePastSealAfter();
        scenario.readLive();
        FaultScenario.Append meanwhile = scenario.append(scenario.engine(), "meanwhile", event("account-C", 0));
        assertThat(meanwhile.outcome).isEqualTo(FaultScenario.Outcome.ACKNOWLEDGED);
        assertThat(scenario.readLive()).extracting(EventMessage::getIdentifier)
                                       .as("the reader delivers events after the stalled position")
                                       .containsAll(meanwhile.eventIds());
    }

    /** Whether the commit insert reached the database before the process died. */
    static boolean commitApplied(Map<FaultInjectingLogStore.Call, FaultInjectingLogStore.Fault> plan) {
        FaultInjectingLogStore.Fault onCommit = plan.get(new FaultInjectingLogStore.Call(INSERT_COMMIT, 1));
        return onCommit == LOSE_REPLY || onCommit == CRASH_AFTER;
    }

    /**
     * What a single fault on the append under test must lead to: a lost or slow commit reply is still a success
     * (the commit is stored), and so is a stall before the position is allocated; any other stall after it outlasts
     * the time limit, so the append gives up.
     */
    private static FaultScenario.Outcome expected(Map<FaultInjectingLogStore.Call, FaultInjectingLogStore.Fault> plan,
                                                  List<FaultInjectingLogStore.Call> trace) {
        Map.Entry<FaultInjectingLogStore.Call, FaultInjectingLogStore.Fault> only = plan.entrySet().iterator().next();
        FaultInjectingLogStore.Call call = only.getKey();
        return switch (only.getValue()) {
            case STALL -> trace.indexOf(call) < trace.indexOf(new FaultInjectingLogStore.Call(ALLOCATE, 1))
                    ? FaultScenario.Outcome.ACKNOWLEDGED : FaultScenario.Outcome.REFUSED;
            case STALL_REPLY -> trace.indexOf(call) < trace.indexOf(new FaultInjectingLogStore.Call(ALLOCATE, 1))
                    || call.step() == INSERT_COMMIT
                    ? FaultScenario.Outcome.ACKNOWLEDGED : FaultScenario.Outcome.REFUSED;
            case LOSE_REPLY -> call.step() == INSERT_COMMIT
                    ? FaultScenario.Outcome.ACKNOWLEDGED : FaultScenario.Outcome.REFUSED;
            case FAIL, CRASH_BEFORE -> FaultScenario.Outcome.REFUSED;
            case CRASH_AFTER -> call.step() == INSERT_COMMIT
                    ? FaultScenario.Outcome.STORED_UNANSWERED : FaultScenario.Outcome.REFUSED;
        };
    }
}
