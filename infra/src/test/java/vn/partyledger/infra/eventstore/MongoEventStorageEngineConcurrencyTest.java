package vn.partyledger.infra.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.eventstore.SampleEvents.event;

/**
 * Two application nodes (two engine instances, each with its own MongoClient) append concurrently, several threads
 * each, partly to shared aggregates and partly across aggregates in one append, while a real Axon
 * PooledStreamingEventProcessor tracks the log through an EmbeddedEventStore on a third engine instance.
 */
class MongoEventStorageEngineConcurrencyTest {

    private static final int NODES = 2;
    private static final int THREADS_PER_NODE = 3;
    private static final int EVENTS_PER_THREAD = 200;
    private static final List<String> SHARED = List.of("shared-0", "shared-1", "shared-2");

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
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
                acknowledged.add(created.getIdentifier());
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
                    writer.get(2, TimeUnit.MINUTES);
                }
                assertThat(acknowledged).hasSize(NODES * THREADS_PER_NODE * EVENTS_PER_THREAD + SHARED.size());

                boolean caughtUp = TrackingProbe.await(() -> probe.count() >= acknowledged.size(),
                                                       Duration.ofMinutes(1));
                assertThat(caughtUp).as("processor caught up with %s events", acknowledged.size()).isTrue();

                List<TrackingProbe.Delivery> deliveries = probe.deliveries();
                assertExactlyOnce(deliveries, mongo);
                assertInLogOrder(deliveries);
                assertLoadsAgree(deliveries, reader);
                LogVerification log = reader.verifyLog();
                assertThat(log.valid()).as("%s", log).isTrue();
                assertThat(log.eventsChecked()).isEqualTo(acknowledged.size());
                assertThat(conflicts.get()).as("conflicting appends that were retried").isPositive();
                System.out.printf("concurrency test: %d events, %d conflicts retried, %d commits%n",
                                  deliveries.size(), conflicts.get(), log.commitsChecked());
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
                batch.forEach(e -> acknowledged.add(e.getIdentifier()));
                nextSequence.put(own, ownSequence + count);
                written += count;
            }
        }
    }

    /** Appends to a shared aggregate; on a conflict, loads its last sequence number again and retries. */
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
                batch.forEach(e -> acknowledged.add(e.getIdentifier()));
                return batch.size();
            } catch (ConcurrencyException e) {
                conflicts.incrementAndGet();
            }
        }
    }

    /** Every acknowledged event delivered once, and nothing else stored. */
    private void assertExactlyOnce(List<TrackingProbe.Delivery> deliveries, EmbeddedMongo mongo) {
        List<String> deliveredIds = deliveries.stream().map(TrackingProbe.Delivery::eventId).toList();
        assertThat(deliveredIds).doesNotHaveDuplicates();
        assertThat(new HashSet<>(deliveredIds)).isEqualTo(acknowledged);
        LogStore raw = new MongoLogStore(mongo.newNodeDatabase());
        Set<String> stored = new HashSet<>();
        raw.findCommits(LongStream.rangeClosed(1, raw.allocated()).boxed().toList()).values().forEach(
                commit -> CommitDocument.events(commit).forEach(
                        (Document event) -> stored.add(event.getString(CommitDocument.EVENT_IDENTIFIER))));
        assertThat(stored).as("nothing stored but acknowledged appends").isEqualTo(acknowledged);
    }

    /** Per aggregate by sequence number, and over the log by strictly increasing token: no event comes late. */
    private static void assertInLogOrder(List<TrackingProbe.Delivery> deliveries) {
        Map<String, Long> expectedNext = new HashMap<>();
        long previousToken = -1;
        for (TrackingProbe.Delivery delivery : deliveries) {
            long expected = expectedNext.getOrDefault(delivery.aggregateId(), 0L);
            assertThat(delivery.sequenceNumber()).as("sequence of %s", delivery.aggregateId()).isEqualTo(expected);
            expectedNext.put(delivery.aggregateId(), expected + 1);
            long token = ((GlobalSequenceTrackingToken) WrappedToken.unwrapLowerBound(delivery.token()))
                    .getGlobalIndex();
            assertThat(token).as("token of %s", delivery.eventId()).isGreaterThan(previousToken);
            previousToken = token;
        }
    }

    /** A load of every aggregate returns what the processor saw of it, in the same order. */
    private static void assertLoadsAgree(List<TrackingProbe.Delivery> deliveries, MongoEventStorageEngine reader) {
        Map<String, List<String>> seen = new HashMap<>();
        Set<String> aggregates = new LinkedHashSet<>();
        for (TrackingProbe.Delivery delivery : deliveries) {
            aggregates.add(delivery.aggregateId());
            seen.computeIfAbsent(delivery.aggregateId(), id -> new ArrayList<>()).add(delivery.eventId());
        }
        for (String aggregate : aggregates) {
            List<String> loaded = reader.readEvents(aggregate).asStream().map(EventMessage::getIdentifier).toList();
            assertThat(loaded).as("load of %s", aggregate).isEqualTo(seen.get(aggregate));
            assertThat(reader.verifyChain(aggregate).valid()).as("chain of %s", aggregate).isTrue();
        }
    }
}
