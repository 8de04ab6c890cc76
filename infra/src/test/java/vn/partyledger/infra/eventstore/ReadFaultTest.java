package vn.partyledger.infra.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.eventstore.FaultInjectingLogStore.Fault.CRASH_AFTER;
import static vn.partyledger.infra.eventstore.FaultInjectingLogStore.Step.INSERT_ENTRIES;
import static vn.partyledger.infra.eventstore.SampleEvents.event;

/**
 * A fault at the first call of every step a reader makes: a head token, a tracking read of the whole log that has
 * to seal a dead writer's position to get past it, and aggregate loads. Whatever the reader delivered before its
 * fault must be the start of the log (nothing refused, nothing twice), and after it the log is audited.
 */
class ReadFaultTest {

    private static final List<String> AGGREGATES = List.of("R-A", "R-B", "R-C");
    private static final EmbeddedMongo SERVER = EmbeddedMongo.inMemory();
    private static final ExecutorService READERS = Executors.newCachedThreadPool();

    @AfterAll
    static void stop() {
        READERS.shutdownNow();
        SERVER.close();
    }

    /** What a read session saw before it ended, normally or by its fault. */
    private static final class Session {
        final List<String> delivered = new ArrayList<>();
        final Map<String, List<String>> loaded = new HashMap<>();
    }

    @TestFactory
    Stream<DynamicTest> aFaultAtEveryStepOfARead() {
        List<FaultInjectingLogStore.Call> firstCalls;
        try (FaultScenario scenario = new FaultScenario(SERVER)) {
            prepare(scenario);
            FaultInjectingLogStore store = scenario.faultyStore().arm(Map.of());
            read(scenario, scenario.engine(store), new Session());
            Map<FaultInjectingLogStore.Step, FaultInjectingLogStore.Call> first = new LinkedHashMap<>();
            store.trace().forEach(call -> first.putIfAbsent(call.step(), call));
            firstCalls = List.copyOf(first.values());
        }
        return AppendFaultTest.plans(Map.of(), firstCalls, EnumSet.allOf(FaultInjectingLogStore.Fault.class))
                              .stream()
                              .map(plan -> DynamicTest.dynamicTest(plan.toString(), () -> run(plan)));
    }

    /**
     * R-A 0-1; R-B 0 with an event outside any aggregate; then a writer that dies after claiming R-A 2 and R-B 1
     * (its position stays empty until a reader seals it); then R-C 0 and R-C 1, which a reader can only deliver
     * after sealing that position.
     */
    private static void prepare(FaultScenario scenario) {
        MongoEventStorageEngine healthy = scenario.engine();
        scenario.append(healthy, "R-A 0-1", event("R-A", 0), event("R-A", 1));
        scenario.append(healthy, "R-B 0 and a note", event("R-B", 0), FaultScenario.note("r"));
        FaultInjectingLogStore dying = scenario.faultyStore()
                                               .arm(Map.of(new FaultInjectingLogStore.Call(INSERT_ENTRIES, 1),
                                                           CRASH_AFTER));
        FaultScenario.Append dead = scenario.append(scenario.engine(dying), "dead writer", event("R-A", 2),
                                                    event("R-B", 1));
        scenario.settle(dead, false);
        scenario.append(healthy, "R-C 0", event("R-C", 0));
        scenario.append(healthy, "R-C 1", event("R-C", 1));
    }

    /** A head token, three tracking passes with time passing between them, then every aggregate loaded. */
    private static void read(FaultScenario scenario, MongoEventStorageEngine reader, Session session) {
        reader.createHeadToken();
        TrackingToken token = reader.createTailToken();
        for (int pass = 0; pass < 3; pass++) {
            List<? extends TrackedEventMessage<?>> batch = reader.readEvents(token, false).toList();
            for (TrackedEventMessage<?> event : batch) {
                session.delivered.add(event.getIdentifier());
                token = event.trackingToken();
            }
            scenario.advancePastSealAfter();
        }
        for (String aggregate : AGGREGATES) {
            session.loaded.put(aggregate, reader.readEvents(aggregate).asStream().map(EventMessage::getIdentifier)
                                                .toList());
            reader.lastSequenceNumberFor(aggregate);
        }
    }

    private void run(Map<FaultInjectingLogStore.Call, FaultInjectingLogStore.Fault> plan) throws Exception {
        try (FaultScenario scenario = new FaultScenario(SERVER)) {
            prepare(scenario);
            FaultInjectingLogStore store = scenario.faultyStore().arm(plan);
            MongoEventStorageEngine reader = scenario.engine(store);
            Session session = new Session();
            Future<?> reading = READERS.submit(() -> read(scenario, reader, session));
            if (plan.values().stream().anyMatch(FaultInjectingLogStore.Fault::stalls)) {
                assertThat(store.awaitStalled()).as("the stall was reached").isTrue();
                AppendFaultTest.whileStalled(scenario);
                store.release();
            }
            try {
                reading.get(20, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException failed) {
                // the faulty reader failed or died; what it delivered until then is checked below
            }
            assertThat(store.allFired()).as("every fault of %s was hit", plan).isTrue();
            scenario.assertNothingRefusedVisible();

            MongoEventStorageEngine restarted = scenario.engine();
            scenario.appendNext(restarted, "R-A");
            scenario.appendNext(restarted, "R-B");
            scenario.audit();

            List<String> log = scenario.fullReadIds();
            assertThat(session.delivered).as("the faulty reader delivered the start of the log, once each")
                                         .isEqualTo(log.subList(0, session.delivered.size()));
            MongoEventStorageEngine loader = scenario.engine();
            session.loaded.forEach((aggregate, loaded) -> {
                List<String> now = loader.readEvents(aggregate).asStream().map(EventMessage::getIdentifier).toList();
                assertThat(loaded).as("what the faulty reader loaded of %s", aggregate)
                                  .isEqualTo(now.subList(0, Math.min(loaded.size(), now.size())));
            });
        }
    }
}
