package vn.partyledger.infra.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.eventstore.AppendFaultTest.A;
import static vn.partyledger.infra.eventstore.AppendFaultTest.B;
import static vn.partyledger.infra.eventstore.FaultInjectingLogStore.Fault.CRASH_AFTER;
import static vn.partyledger.infra.eventstore.FaultInjectingLogStore.Fault.CRASH_BEFORE;
import static vn.partyledger.infra.eventstore.FaultInjectingLogStore.Fault.FAIL;
import static vn.partyledger.infra.eventstore.FaultInjectingLogStore.Fault.LOSE_REPLY;
import static vn.partyledger.infra.eventstore.FaultInjectingLogStore.Step.INSERT_COMMIT;
import static vn.partyledger.infra.eventstore.SampleEvents.event;

/**
 * The request key is stored in the commit, so a request is recorded atomically with its events: a second append
 * with the same key is refused, and a retry after the first attempt's process died at any point either finds the
 * first outcome or records the request exactly once.
 */
class IdempotencyFaultTest {

    private static final EmbeddedMongo SERVER = EmbeddedMongo.inMemory();

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void aSecondAppendWithTheSameRequestKeyIsRefusedAndTheFirstOutcomeIsFound() {
        try (FaultScenario scenario = new FaultScenario(SERVER)) {
            MongoEventStorageEngine engine = scenario.engine();
            String key = FaultScenario.requestKey();
            FaultScenario.Append first = scenario.append(engine, "first", key, List.of(event(A, 0)));
            FaultScenario.Append second = scenario.append(scenario.engine(), "second", key, List.of(event(B, 0)));

            assertThat(first.outcome).isEqualTo(FaultScenario.Outcome.ACKNOWLEDGED);
            assertThat(second.failure).isInstanceOf(DuplicateRequestException.class);
            assertThat(engine.findRequest(key)).get()
                                               .extracting(RecordedRequest::events).asList()
                                               .extracting("eventIdentifier").isEqualTo(first.eventIds());
            scenario.appendNext(engine, B);
            scenario.audit();
        }
    }

    /**
     * A client may choose any idempotency key, including one shaped like the request key the engine gives a
     * tombstone ({@code sealed:<position>}). Such a key must not stop that position from being sealed: otherwise
     * a writer resolving a failed commit insert takes the refused tombstone for its own commit and is acknowledged
     * for events that are not stored, and every reader waits at the empty position for ever.
     */
    @Test
    void aRequestKeyShapedLikeATombstoneNeitherAcknowledgesALostAppendNorBlocksReaders() {
        try (FaultScenario scenario = new FaultScenario(SERVER)) {
            MongoEventStorageEngine engine = scenario.engine();
            scenario.append(engine, "X 0 keyed sealed:3", "sealed:3", List.of(event("X", 0)));
            scenario.append(engine, "Y 0", event("Y", 0));
            FaultInjectingLogStore store = scenario.faultyStore()
                                                   .arm(Map.of(new FaultInjectingLogStore.Call(INSERT_COMMIT, 1),
                                                               FAIL));
            FaultScenario.Append failed = scenario.append(scenario.engine(store), "Z 0 at 3, insert failed",
                                                          event("Z", 0));

            assertThat(failed.failure).as("the commit at position 3 was never stored")
                                      .isInstanceOf(AppendAbandonedException.class);
            scenario.append(engine, "W 0 after", event("W", 0));
            assertThat(engine.findRequest("sealed:3")).isPresent();
            scenario.audit();
        }
    }

    @TestFactory
    Stream<DynamicTest> aCrashAtEveryCallOfAnIdempotentAppendThenItsRetry() {
        Stream<Map<FaultInjectingLogStore.Call, FaultInjectingLogStore.Fault>> firsts = Stream.of(
                Map.of(),
                Map.of(new FaultInjectingLogStore.Call(INSERT_COMMIT, 1), LOSE_REPLY),
                Map.of(new FaultInjectingLogStore.Call(INSERT_COMMIT, 1), FAIL));
        return firsts.flatMap(first -> AppendFaultTest.plans(first, AppendFaultTest.traceAfter(SERVER, first),
                                                             EnumSet.of(CRASH_BEFORE, CRASH_AFTER)).stream())
                     .map(plan -> DynamicTest.dynamicTest(plan.toString(), () -> crashThenRetry(plan)));
    }

    /**
     * The retry is what a client and the command handler do: ask for the request's outcome; if none is recorded,
     * run the command again on the current state with the same key. While the dead attempt's entries still claim the
     * aggregates' next sequence numbers the retry is refused as a conflict, and is tried again once the position is
     * sealed.
     */
    private void crashThenRetry(Map<FaultInjectingLogStore.Call, FaultInjectingLogStore.Fault> plan) {
        try (FaultScenario scenario = new FaultScenario(SERVER)) {
            AppendFaultTest.prepare(scenario);
            String key = FaultScenario.requestKey();
            FaultInjectingLogStore store = scenario.faultyStore().arm(plan);
            FaultScenario.Append crashed = scenario.append(scenario.engine(store), "first attempt", key,
                                                           AppendFaultTest.appendUnderTest());
            boolean stored = AppendFaultTest.commitApplied(plan);
            scenario.settle(crashed, stored);

            MongoEventStorageEngine restarted = scenario.engine();
            FaultScenario.Append retry = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                Optional<RecordedRequest> recorded = restarted.findRequest(key);
                if (recorded.isPresent()) {
                    assertThat(recorded.get().events()).extracting(RecordedRequest.RecordedEvent::eventIdentifier)
                                                       .as("the first outcome").isEqualTo(crashed.eventIds());
                    break;
                }
                retry = scenario.append(restarted, "retry " + attempt, key, rerun(restarted));
                if (retry.outcome == FaultScenario.Outcome.ACKNOWLEDGED) {
                    break;
                }
                assertThat(retry.failure).as("%s", retry).isInstanceOf(ConcurrencyException.class);
                scenario.advancePastSealAfter();
            }
            assertThat(retry == null).as("the retry found the first outcome exactly when it was stored")
                                     .isEqualTo(stored);
            if (retry != null) {
                assertThat(retry.outcome).as("%s", retry).isEqualTo(FaultScenario.Outcome.ACKNOWLEDGED);
            }
            scenario.audit();
        }
    }

    /** The command run again on what is stored now: the next event of A and of B, and the note. */
    private static List<EventMessage<?>> rerun(MongoEventStorageEngine engine) {
        return List.of(event(A, engine.lastSequenceNumberFor(A).orElseThrow() + 1),
                       event(B, engine.lastSequenceNumberFor(B).orElseThrow() + 1),
                       FaultScenario.note("merge of A and B, again"));
    }
}
