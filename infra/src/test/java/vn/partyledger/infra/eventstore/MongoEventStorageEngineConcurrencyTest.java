package vn.partyledger.infra.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.eventstore.MongoEventStorageEngine.EVENTS_COLLECTION;
import static vn.partyledger.infra.eventstore.SampleEvents.event;

/**
 * Two application nodes (two engine instances, each with its own MongoClient) append thousands of events
 * concurrently, several threads each, partly to shared aggregates, while a real Axon PooledStreamingEventProcessor
 * tracks the store through an EmbeddedEventStore on a third engine instance.
 */
class MongoEventStorageEngineConcurrencyTest {

    private static final int NODES = 2;
    private static final int THREADS_PER_NODE = 3;
    private static final int EVENTS_PER_THREAD = 1_000;
    private static final List<String> SHARED = List.of("shared-0", "shared-1", "shared-2");

    private final Set<String> committed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger conflicts = new AtomicInteger();

    @Test
    void concurrentWritersOnTwoNodesAreSeenByATrackingProcessorExactlyOnceAndInOrder() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory()) {
            List<MongoEventStorageEngine> writers = new ArrayList<>();
            for (int node = 0; node < NODES; node++) {
                writers.add(MongoEventStorageEngine.builder().database(mongo.newNodeDatabase()).build());
            }
            MongoEventStorageEngine reader = MongoEventStorageEngine.builder().database(mongo.newNodeDatabase())
                                                                    .build();
            for (String shared : SHARED) {
                EventMessage<?> created = event(shared, 0);
                writers.get(0).appendEvents(created);
                committed.add(created.getIdentifier());
            }

            EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(reader).fetchDelay(10).build();
            ExecutorService pool = Executors.newFixedThreadPool(NODES * THREADS_PER_NODE);
            try (TrackingProbe probe = new TrackingProbe("race", eventStore).start()) {
                List<Future<?>> running = new ArrayList<>();
                for (int node = 0; node < NODES; node++) {
                    for (int thread = 0; thread < THREADS_PER_NODE; thread++) {
                        MongoEventStorageEngine engine = writers.get(node);
                        String prefix = "n" + node + "-t" + thread;
                        long seed = node * 31L + thread;
                        running.add(pool.submit(() -> write(engine, prefix, seed)));
                    }
                }
                for (Future<?> writer : running) {
                    writer.get(5, TimeUnit.MINUTES);
                }
                long allocated = reader.allocatedMaximum();
                assertThat(committed).hasSize(NODES * THREADS_PER_NODE * EVENTS_PER_THREAD + SHARED.size());

                boolean caughtUp = TrackingProbe.await(() -> probe.count() >= committed.size()
                        && lastTokenIsComplete(probe, allocated), Duration.ofMinutes(2));
                assertThat(caughtUp).as("processor caught up with %s events", committed.size()).isTrue();

                List<TrackingProbe.Delivery> deliveries = probe.deliveries();
                assertExactlyOnce(deliveries, mongo);
                assertPerAggregateOrder(deliveries);
                assertGlobalOrderExceptLateGapFills(deliveries, reader, mongo);
                assertThat(conflicts.get()).as("conflicting appends that were retried").isPositive();
                for (String shared : SHARED) {
                    assertThat(reader.verifyChain(shared).valid()).isTrue();
                }
            } finally {
                pool.shutdownNow();
                eventStore.shutDown();
            }
        }
    }

    /**
     * One writer thread: mostly its own aggregates, a third of the time a shared aggregate (reading the last
     * sequence number and retrying on ConcurrencyException), sometimes two events or two aggregates in one append.
     */
    private void write(MongoEventStorageEngine engine, String prefix, long seed) {
        Random random = new Random(seed);
        Map<String, Long> nextSequence = new HashMap<>();
        int written = 0;
        while (written < EVENTS_PER_THREAD) {
            int room = EVENTS_PER_THREAD - written;
            String own = prefix + "-a" + random.nextInt(10);
            long ownSequence = nextSequence.getOrDefault(own, 0L);
            int kind = random.nextInt(10);
            if (kind < 3) {
                String shared = SHARED.get(random.nextInt(SHARED.size()));
                int count = room > 1 && random.nextBoolean() ? 2 : 1;
                written += appendWithRetry(engine, shared, count, List.of());
            } else if (kind < 4 && room > 1) {
                String shared = SHARED.get(random.nextInt(SHARED.size()));
                written += appendWithRetry(engine, shared, 1, List.of(event(own, ownSequence)));
                nextSequence.put(own, ownSequence + 1);
            } else {
                int count = room > 1 && random.nextInt(4) == 0 ? 2 : 1;
                List<EventMessage<?>> batch = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    batch.add(event(own, ownSequence + i));
                }
                engine.appendEvents(batch);
                batch.forEach(e -> committed.add(e.getIdentifier()));
                nextSequence.put(own, ownSequence + count);
                written += count;
            }
        }
    }

    private int appendWithRetry(MongoEventStorageEngine engine, String shared, int count,
                                List<EventMessage<?>> alsoInBatch) {
        while (true) {
            long last = engine.lastSequenceNumberFor(shared).orElseThrow();
            List<EventMessage<?>> batch = new ArrayList<>(alsoInBatch);
            for (int i = 1; i <= count; i++) {
                batch.add(event(shared, last + i));
            }
            try {
                engine.appendEvents(batch);
                batch.forEach(e -> committed.add(e.getIdentifier()));
                return batch.size();
            } catch (ConcurrencyException e) {
                conflicts.incrementAndGet();
            }
        }
    }

    private static boolean lastTokenIsComplete(TrackingProbe probe, long allocated) {
        List<TrackingProbe.Delivery> deliveries = probe.deliveries();
        if (deliveries.isEmpty()) {
            return false;
        }
        GapAwareTrackingToken last = gapAware(deliveries.get(deliveries.size() - 1).token());
        return last.getIndex() == allocated && !last.hasGaps();
    }

    /** The processor wraps tokens in a ReplayToken while it catches up with what was stored before it started. */
    private static GapAwareTrackingToken gapAware(TrackingToken token) {
        return (GapAwareTrackingToken) WrappedToken.unwrapLowerBound(token);
    }

    private void assertExactlyOnce(List<TrackingProbe.Delivery> deliveries, EmbeddedMongo mongo) {
        List<String> deliveredIds = deliveries.stream().map(TrackingProbe.Delivery::eventId).toList();
        assertThat(deliveredIds).doesNotHaveDuplicates();
        assertThat(new HashSet<>(deliveredIds)).isEqualTo(committed);
        Set<String> stored = new HashSet<>();
        mongo.newNodeDatabase().getCollection(EVENTS_COLLECTION).find().projection(new Document("_id", 1))
             .forEach(document -> stored.add(document.getString("_id")));
        assertThat(stored).as("nothing stored but committed appends").isEqualTo(committed);
    }

    private static void assertPerAggregateOrder(List<TrackingProbe.Delivery> deliveries) {
        Map<String, Long> expectedNext = new HashMap<>();
        for (TrackingProbe.Delivery delivery : deliveries) {
            long expected = expectedNext.getOrDefault(delivery.aggregateId(), 0L);
            assertThat(delivery.sequenceNumber()).as("sequence of %s", delivery.aggregateId()).isEqualTo(expected);
            expectedNext.put(delivery.aggregateId(), expected + 1);
        }
    }

    /**
     * Every delivery is either beyond the previous token's index, or one of its gaps being filled late; the latter
     * is the only way the global order may go backwards.
     */
    private void assertGlobalOrderExceptLateGapFills(List<TrackingProbe.Delivery> deliveries,
                                                            MongoEventStorageEngine reader, EmbeddedMongo mongo) {
        Map<String, Long> globalIndexOf = new HashMap<>();
        mongo.newNodeDatabase().getCollection(EVENTS_COLLECTION).find()
             .projection(new Document("_id", 1).append("globalIndex", 1))
             .forEach(d -> globalIndexOf.put(d.getString("_id"), d.getLong("globalIndex")));
        GapAwareTrackingToken previous = null;
        int lateFills = 0;
        for (TrackingProbe.Delivery delivery : deliveries) {
            long globalIndex = globalIndexOf.get(delivery.eventId());
            if (previous != null) {
                boolean ahead = globalIndex > previous.getIndex();
                boolean fillsGap = previous.getGaps().contains(globalIndex);
                assertThat(ahead || fillsGap)
                        .as("event at %s after token %s", globalIndex, previous).isTrue();
                if (fillsGap) {
                    lateFills++;
                }
            }
            previous = gapAware(delivery.token());
        }
        System.out.printf("concurrency test: %d events, %d conflicts retried, %d late gap fills delivered, "
                                  + "allocated maximum %d%n",
                          deliveries.size(), conflicts.get(), lateFills, reader.allocatedMaximum());
    }
}
