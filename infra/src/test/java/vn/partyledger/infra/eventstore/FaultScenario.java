package vn.partyledger.infra.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One fault-injection scenario: an embedded server, a monotonic clock the test moves by hand (shared by every engine
 * of the scenario, so "sealAfter has passed" is a step of the test, never a sleep), a ledger of every append and how
 * it ended, and a live reader that tracks the log from the tail through the whole scenario, like a processor would.
 * <p>
 * {@link #audit()} checks the promises of the log against the ledger: no acknowledged event lost, no refused event
 * visible, nothing delivered twice or skipped, loads agree with tracking, every position filled, the chain verifies.
 */
final class FaultScenario implements AutoCloseable {

    private static final AtomicLong SCENARIOS = new AtomicLong();

    /** Small, so that reads and tokens cross batch boundaries with a handful of appends. */
    static final int BATCH_SIZE = 10;
    static final EventStoreTimeouts TIMEOUTS = new EventStoreTimeouts(Duration.ofMillis(200), Duration.ofSeconds(1));

    /** How an append ended, as far as its caller could know. */
    enum Outcome {
        /** Returned normally: must be visible, once, for ever. */
        ACKNOWLEDGED,
        /** Threw: must never be visible. */
        REFUSED,
        /** The process died after its commit insert was applied: visible, although nobody was answered. */
        STORED_UNANSWERED,
        /** Threw {@link AppendOutcomeUnknownException}: visible or not, and {@code findRequest} must say which. */
        UNKNOWN,
        /** The process died; the test must say, with {@link #settle}, whether the commit insert had been applied. */
        KILLED
    }

    static final class Append {
        final String label;
        final List<EventMessage<?>> events;
        final String requestKey;
        final Throwable failure;
        Outcome outcome;

        Append(String label, List<EventMessage<?>> events, String requestKey, Throwable failure, Outcome outcome) {
            this.label = label;
            this.events = events;
            this.requestKey = requestKey;
            this.failure = failure;
            this.outcome = outcome;
        }

        List<String> eventIds() {
            return events.stream().map(EventMessage::getIdentifier).toList();
        }

        @Override
        public String toString() {
            return label + " " + outcome + (failure == null ? "" : " (" + failure + ")");
        }
    }

    /** Payload of an event outside any aggregate. */
    record Note(String text) {
    }

    private final MongoClient client;
    private final MongoDatabase database;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Append> ledger = new ArrayList<>();
    private final LogStore raw;
    private final MongoEventStorageEngine liveReader;
    private final List<TrackedEventMessage<?>> liveDeliveries = new ArrayList<>();
    private TrackingToken liveToken;

    /**
     * A scenario on its own database of a server shared by the test class, through one client: engines on one client
     * are still independent nodes as far as the log is concerned (each has its own sealer and clock readings), and a
     * fresh server and client per scenario would cost more than the scenario itself.
     */
    FaultScenario(EmbeddedMongo server) {
        this.client = MongoClients.create(server.connectionString());
        this.database = client.getDatabase("scenario_" + SCENARIOS.incrementAndGet());
        this.raw = new MongoLogStore(database);
        this.liveReader = engine();
        this.liveToken = liveReader.createTailToken();
    }

    /** A healthy engine on its own client: another node, or this node after a restart. */
    MongoEventStorageEngine engine() {
        return builder().build();
    }

    /** An engine whose every database call goes through {@code store}. */
    MongoEventStorageEngine engine(FaultInjectingLogStore store) {
        return builder().logStore(store).build();
    }

    FaultInjectingLogStore faultyStore() {
        return new FaultInjectingLogStore(new MongoLogStore(database));
    }

    private MongoEventStorageEngine.Builder builder() {
        return MongoEventStorageEngine.builder().database(database).timeouts(TIMEOUTS)
                                      .nanoTime(nanos::get).batchSize(BATCH_SIZE);
    }

    /** Lets more than {@code sealAfter} pass on every engine's monotonic clock. */
    void advancePastSealAfter() {
        nanos.addAndGet(TIMEOUTS.sealAfter().toNanos() + 1);
    }

    // ---- appends -------------------------------------------------------------------------------------------------

    private static List<EventMessage<?>> withRequestKey(String requestKey, List<EventMessage<?>> events) {
        List<EventMessage<?>> keyed = new ArrayList<>();
        for (EventMessage<?> event : events) {
            keyed.add(event.andMetaData(Map.of(MongoEventStorageEngine.REQUEST_KEY, requestKey)));
        }
        return keyed;
    }

    static EventMessage<?> note(String text) {
        return GenericEventMessage.asEventMessage(new Note(text));
    }

    /** Appends and records how it ended; never throws what the engine threw. */
    Append append(MongoEventStorageEngine engine, String label, String requestKey, List<EventMessage<?>> events) {
        List<EventMessage<?>> keyed = requestKey == null ? events : withRequestKey(requestKey, events);
        Throwable failure = null;
        Outcome outcome;
        try {
            engine.appendEvents(keyed);
            outcome = Outcome.ACKNOWLEDGED;
        } catch (FaultInjectingLogStore.ProcessKilled killed) {
            failure = killed;
            outcome = Outcome.KILLED;
        } catch (AppendOutcomeUnknownException unknown) {
            failure = unknown;
            outcome = Outcome.UNKNOWN;
        } catch (RuntimeException refused) {
            failure = refused;
            outcome = Outcome.REFUSED;
        }
        Append append = new Append(label, keyed, requestKey, failure, outcome);
        synchronized (ledger) {
            ledger.add(append);
        }
        return append;
    }

    Append append(MongoEventStorageEngine engine, String label, EventMessage<?>... events) {
        return append(engine, label, null, List.of(events));
    }

    /** A killed append: whether its commit insert had been applied before the process died. */
    void settle(Append append, boolean commitApplied) {
        assertThat(append.outcome).as("%s", append).isEqualTo(Outcome.KILLED);
        append.outcome = commitApplied ? Outcome.STORED_UNANSWERED : Outcome.REFUSED;
    }

    /**
     * The next event of an aggregate, appended by a healthy engine. An aggregate whose next entry is claimed by a
     * commit in flight (a dead or stalled writer) refuses the append until that position is sealed; so on a conflict
     * the clock moves past {@code sealAfter} and the append is tried again, once.
     */
    Append appendNext(MongoEventStorageEngine engine, String aggregateId) {
        for (int attempt = 0; ; attempt++) {
            long next = engine.lastSequenceNumberFor(aggregateId).map(last -> last + 1).orElse(0L);
            Append append = append(engine, "next of " + aggregateId, SampleEvents.event(aggregateId, next));
            if (append.outcome == Outcome.ACKNOWLEDGED) {
                return append;
            }
            assertThat(append.failure).as("%s", append).isInstanceOf(ConcurrencyException.class);
            assertThat(attempt).as("%s still blocked after its blocking position was sealed", aggregateId)
                               .isZero();
            advancePastSealAfter();
        }
    }

    // ---- reads ---------------------------------------------------------------------------------------------------

    /** One tracking read of the live reader, from where it stopped; returns what it delivered. */
    List<TrackedEventMessage<?>> readLive() {
        List<TrackedEventMessage<?>> read = liveReader.readEvents(liveToken, false).<TrackedEventMessage<?>>map(event -> event).toList();
        if (!read.isEmpty()) {
            liveToken = read.get(read.size() - 1).trackingToken();
        }
        liveDeliveries.addAll(read);
        return read;
    }

    /**
     * Reads on until every allocated position holds a commit or a tombstone and everything is delivered: each empty
     * position costs one read to be seen empty and, after {@code sealAfter}, one to be sealed.
     */
    void readLiveToTheEnd() {
        for (int pass = 0; pass < 100; pass++) {
            if (readLive().isEmpty() && everyPositionFilled()) {
                return;
            }
            advancePastSealAfter();
        }
        fail("the live reader never reached the end of the log");
    }

    private boolean everyPositionFilled() {
        long allocated = raw.allocated();
        return raw.findCommitHeaders(positions(allocated)).size() == allocated;
    }

    private static List<Long> positions(long allocated) {
        return LongStream.rangeClosed(1, allocated).boxed().toList();
    }

    private static List<String> ids(List<? extends EventMessage<?>> events) {
        return events.stream().map(EventMessage::getIdentifier).toList();
    }

    private List<Append> ledger() {
        synchronized (ledger) {
            return List.copyOf(ledger);
        }
    }

    private Set<String> aggregates() {
        Set<String> aggregates = new LinkedHashSet<>();
        for (Append append : ledger()) {
            for (EventMessage<?> event : append.events) {
                if (event instanceof DomainEventMessage<?> domain) {
                    aggregates.add(domain.getAggregateIdentifier());
                }
            }
        }
        return aggregates;
    }

    /** No refused event is visible now, to the live reader nor to a load. */
    void assertNothingRefusedVisible() {
        MongoEventStorageEngine loader = engine();
        Set<String> visible = new HashSet<>(ids(liveDeliveries));
        for (String aggregate : aggregates()) {
            visible.addAll(ids(loader.readEvents(aggregate).asStream().toList()));
        }
        for (Append append : ledger()) {
            if (append.outcome == Outcome.REFUSED) {
                assertThat(visible).as("refused %s", append).doesNotContainAnyElementsOf(append.eventIds());
            }
        }
    }

    /** Every promise of the log, after the faults, a restart, sealing, and a full read. */
    void audit() {
        readLiveToTheEnd();
        MongoEventStorageEngine fresh = engine();
        List<TrackedEventMessage<?>> full = fresh.readEvents(fresh.createTailToken(), false)
                                                .<TrackedEventMessage<?>>map(event -> event).toList();
        List<String> fullIds = ids(full);

        assertThat(fullIds).as("a full read delivers nothing twice").doesNotHaveDuplicates();
        assertThat(ids(liveDeliveries)).as("the live reader saw what a full read sees, in the same order")
                                       .isEqualTo(fullIds);
        assertThat(new HashSet<>(fullIds)).as("nothing stored is skipped").isEqualTo(storedEventIds());

        for (Append append : ledger()) {
            switch (append.outcome) {
                case ACKNOWLEDGED, STORED_UNANSWERED ->
                        assertThat(fullIds).as("%s is in the log", append).containsAll(append.eventIds());
                case REFUSED -> assertThat(fullIds).as("%s is not in the log", append)
                                                   .doesNotContainAnyElementsOf(append.eventIds());
                case UNKNOWN -> {
                    long present = append.eventIds().stream().filter(fullIds::contains).count();
                    assertThat(present).as("%s is whole or absent", append).isIn(0L, (long) append.events.size());
                    boolean visible = present > 0;
                    assertThat(fresh.findRequest(append.requestKey).isPresent())
                            .as("findRequest tells whether %s is stored", append).isEqualTo(visible);
                }
                case KILLED -> fail("the test never settled %s", append);
            }
            if (append.requestKey != null && append.outcome == Outcome.ACKNOWLEDGED) {
                Optional<RecordedRequest> recorded = fresh.findRequest(append.requestKey);
                assertThat(recorded).as("request of %s", append).isPresent();
                assertThat(recorded.get().events()).extracting(RecordedRequest.RecordedEvent::eventIdentifier)
                                                   .isEqualTo(append.eventIds());
            }
        }

        for (String aggregate : aggregates()) {
            List<TrackedEventMessage<?>> tracked = full.stream()
                    .filter(event -> event instanceof DomainEventMessage<?> domain
                            && domain.getAggregateIdentifier().equals(aggregate))
                    .toList();
            List<? extends DomainEventMessage<?>> loaded = fresh.readEvents(aggregate).asStream().toList();
            assertThat(ids(loaded)).as("load of %s agrees with tracking", aggregate).isEqualTo(ids(tracked));
            assertThat(loaded).extracting(DomainEventMessage::getSequenceNumber)
                              .as("sequence of %s", aggregate)
                              .isEqualTo(LongStream.range(0, loaded.size()).boxed().toList());
            assertThat(fresh.lastSequenceNumberFor(aggregate))
                    .isEqualTo(loaded.isEmpty() ? Optional.empty() : Optional.of(loaded.size() - 1L));
            assertThat(fresh.verifyChain(aggregate).valid()).as("chain of %s", aggregate).isTrue();
        }
        LogVerification log = fresh.verifyLog();
        assertThat(log.valid()).as("%s", log).isTrue();
        assertThat(log.eventsChecked()).isEqualTo(fullIds.size());
    }

    /** The ids of a full tracking read from the tail by a fresh engine. */
    List<String> fullReadIds() {
        MongoEventStorageEngine fresh = engine();
        return ids(fresh.readEvents(fresh.createTailToken(), false).toList());
    }

    /** Every event of every non-tombstone commit, read from the collections directly. */
    private Set<String> storedEventIds() {
        Set<String> stored = new HashSet<>();
        for (Document commit : raw.findCommits(positions(raw.allocated())).values()) {
            for (Document event : CommitDocument.events(commit)) {
                stored.add(event.getString(CommitDocument.EVENT_IDENTIFIER));
            }
        }
        return stored;
    }

    static String requestKey() {
        return "req-" + UUID.randomUUID();
    }

    @Override
    public void close() {
        client.close();
    }
}
