package vn.partyledger.infra.eventstore;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngineTest;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.eventsourcing.utils.EventStoreTestUtils.AGGREGATE;
import static org.axonframework.eventsourcing.utils.EventStoreTestUtils.createEvent;

/**
 * Axon's own storage-engine contract ({@code EventStorageEngineTest}, {@code AbstractEventStorageEngineTest},
 * {@code BatchingEventStorageEngineTest} from the {@code tests} jar of axon-eventsourcing 4.13) run against our engine
 * on mongo-java-server's memory backend, a fresh server (so a fresh database) per test.
 * <p>
 * <b>One deliberate deviation</b> (for the ADR that introduces the commit log, docs/adr/0019-one-commit-document-per-append.md): Axon's seven token
 * tests ({@code createTailToken}, {@code createHeadToken}, {@code createTokenAt}, {@code createTokenAtExactTime},
 * {@code createTokenWithUnorderedEvents}, {@code createTokenAtTimeAfterLastEvent},
 * {@code createTokenAtTimeBeforeFirstEvent}) build their events with {@code EventStoreTestUtils.createEvent(seq, time)},
 * which gives <em>every event a new random aggregate</em> and sequence numbers 0, 1, 2: two of the three events are
 * the first event of a stream that starts at 1 or 2. Our engine refuses an aggregate event whose predecessor in the
 * stream is not stored ({@link AppendProtocol}, step 1), with Axon's {@code ConcurrencyException}: a stream never has
 * a hole, every event's hash links to the event before it, and a stream starting at 1 would be delivered to processors
 * but never returned by an aggregate load (loads start at 0), so loads and processors would disagree. Axon's
 * repositories never write such a stream. Each of those seven tests is overridden below by the same test, same
 * timestamps and same expected events, with the events as sequence numbers 0, 1, 2 of one aggregate, which is what
 * the token tests are about; {@link #anAggregateStreamThatDoesNotStartAtZeroIsRefusedAndNothingIsStored()} pins the
 * deviation itself. Every other test of the suite runs unchanged.
 */
class AxonStorageEngineContractTest
        extends BatchingEventStorageEngineTest<MongoEventStorageEngine, MongoEventStorageEngine.Builder> {

    private static final String T_0000 = "2007-12-03T10:15:00.00Z";
    private static final String T_3000 = "2007-12-03T10:15:30.00Z";
    private static final String T_3500 = "2007-12-03T10:15:35.00Z";
    private static final String T_4000 = "2007-12-03T10:15:40.00Z";

    private EmbeddedMongo mongo;
    private MongoEventStorageEngine engine;

    @BeforeEach
    void setUp() {
        mongo = EmbeddedMongo.inMemory();
        engine = createEngine();
        setTestSubject(engine);
    }

    @AfterEach
    void stopServer() {
        mongo.close();
    }

    @Override
    protected MongoEventStorageEngine createEngine(UnaryOperator<MongoEventStorageEngine.Builder> customization) {
        MongoEventStorageEngine.Builder builder = MongoEventStorageEngine.builder().database(mongo.newNodeDatabase());
        return customization.apply(builder).build();
    }

    // --------------------------------------------------------------------------------- the seven overridden tests

    /** Overridden: see the class comment; same events and expectation, as one aggregate's stream. */
    @Override
    @Test
    public void createTailToken() {
        List<DomainEventMessage<?>> events = stream(T_0000, T_4000, T_3500);
        engine.appendEvents(events);

        assertIds(events, read(engine.createTailToken()));
    }

    /** Overridden: see the class comment; same events and expectation, as one aggregate's stream. */
    @Override
    @Test
    public void createHeadToken() {
        engine.appendEvents(stream(T_0000, T_4000, T_3500));

        assertThat(read(engine.createHeadToken())).isEmpty();
    }

    /** Overridden: see the class comment; same events and expectation, as one aggregate's stream. */
    @Override
    @Test
    public void createTokenAt() {
        List<DomainEventMessage<?>> events = stream(T_0000, T_4000, T_3500);
        engine.appendEvents(events);

        TrackingToken tokenAt = engine.createTokenAt(Instant.parse(T_3000));

        assertIds(List.of(events.get(1), events.get(2)), read(tokenAt));
    }

    /** Overridden: see the class comment; same events and expectation, as one aggregate's stream. */
    @Override
    @Test
    public void createTokenAtExactTime() {
        List<DomainEventMessage<?>> events = stream(T_3000, T_4000, T_3500);
        engine.appendEvents(events);

        TrackingToken tokenAt = engine.createTokenAt(Instant.parse(T_3000));

        assertIds(events, read(tokenAt));
    }

    /** Overridden: see the class comment; same events and expectation, as one aggregate's stream. */
    @Override
    @Test
    public void createTokenWithUnorderedEvents() {
        List<DomainEventMessage<?>> events = stream(T_3000, T_4000, "2007-12-03T10:15:50.00Z",
                                                    "2007-12-03T10:15:45.00Z", "2007-12-03T10:15:42.00Z");
        engine.appendEvents(events);

        TrackingToken tokenAt = engine.createTokenAt(Instant.parse("2007-12-03T10:15:45.00Z"));

        assertIds(events.subList(2, 5), read(tokenAt));
    }

    /** Overridden: see the class comment; same events and expectation, as one aggregate's stream. */
    @Override
    @Test
    public void createTokenAtTimeAfterLastEvent() {
        engine.appendEvents(stream(T_3000, T_4000, T_3500));

        TrackingToken tokenAt = engine.createTokenAt(Instant.parse("2008-12-03T10:15:30.00Z"));

        assertThat(read(tokenAt)).isEmpty();
    }

    /** Overridden: see the class comment; same events and expectation, as one aggregate's stream. */
    @Override
    @Test
    public void createTokenAtTimeBeforeFirstEvent() {
        List<DomainEventMessage<?>> events = stream(T_3000, T_4000, T_3500);
        engine.appendEvents(events);

        TrackingToken tokenAt = engine.createTokenAt(Instant.parse("2006-12-03T10:15:30.00Z"));

        assertIds(events, read(tokenAt));
    }

    // --------------------------------------------------------------------------------- the deviation itself

    /**
     * What the original seven tests do: events of new aggregates at sequence numbers 1 and 2. Refused as a
     * concurrency conflict (the predecessor is not stored), and nothing of the append is visible.
     */
    @Test
    void anAggregateStreamThatDoesNotStartAtZeroIsRefusedAndNothingIsStored() {
        DomainEventMessage<String> first = createEvent(0, Instant.parse(T_0000));
        DomainEventMessage<String> second = createEvent(1, Instant.parse(T_4000));

        assertThatThrownBy(() -> engine.appendEvents(first, second)).isInstanceOf(ConcurrencyException.class)
                                                                     .hasMessageContaining("has no stored event 0");
        assertThatThrownBy(() -> engine.appendEvents(createEvent(AGGREGATE, 5)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(read(null)).isEmpty();
        assertThat(engine.readEvents(first.getAggregateIdentifier()).asStream()).isEmpty();
        engine.appendEvents(first);
        assertThat(read(null)).extracting(EventMessage::getIdentifier).containsExactly(first.getIdentifier());
    }

    // --------------------------------------------------------------------------------- around the contract

    /** Axon's test passes a resolver that never matches; without any resolver the outcome is the same. */
    @Test
    void aDuplicateWithoutAnyExceptionResolverIsAnEventStoreException() {
        MongoEventStorageEngine withoutResolver = createEngine(builder -> builder.persistenceExceptionResolver(null));
        withoutResolver.appendEvents(createEvent(0));

        assertThatThrownBy(() -> withoutResolver.appendEvents(createEvent(0)))
                .isInstanceOf(EventStoreException.class)
                .isNotInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> withoutResolver.appendEvents(createEvent(1), createEvent(1)))
                .isInstanceOf(EventStoreException.class);
        assertThat(read(null)).hasSize(1);
    }

    /**
     * Axon's {@code uniqueKeyConstraintOnEventIdentifier} appends two events at sequence 1 of new streams, which our
     * engine refuses before it gets to the identifiers; this is the same check on streams that do start at 0.
     */
    @Test
    void aReusedEventIdentifierOnAnotherStreamIsAConcurrencyException() {
        engine.appendEvents(createEvent(AGGREGATE, 0), createEvent("otherAggregate", 0));

        assertThatThrownBy(() -> engine.appendEvents(event("id", AGGREGATE, 1, T_0000),
                                                     event("id", "otherAggregate", 1, T_0000)))
                .isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining("event identifier id is already stored");
        assertThat(engine.lastSequenceNumberFor(AGGREGATE)).contains(0L);
        assertThat(engine.lastSequenceNumberFor("otherAggregate")).contains(0L);
    }

    /** Axon's tests compare identifiers only; the tokens are one per event and grow: commit × 1,000,000 + index. */
    @Test
    void everyEventHasItsOwnTokenInLogOrder() {
        List<DomainEventMessage<?>> events = stream(T_0000, T_4000, T_3500);
        engine.appendEvents(events);
        engine.appendEvents(createEvent("otherAggregate", 0));

        List<TrackedEventMessage<?>> read = read(null);

        assertThat(read).extracting(e -> ((GlobalSequenceTrackingToken) e.trackingToken()).getGlobalIndex())
                        .containsExactly(1_000_000L, 1_000_001L, 1_000_002L, 2_000_000L);
        assertIds(List.of(events.get(1), events.get(2), read.get(3)), read(read.get(0).trackingToken()));
        assertIds(List.of(events.get(2), read.get(3)), read(read.get(1).trackingToken()));
        assertIds(List.of(), read(read.get(3).trackingToken()));
    }

    // --------------------------------------------------------------------------------- helpers

    /** Events 0, 1, 2, … of one new aggregate, with the given timestamps. */
    private static List<DomainEventMessage<?>> stream(String... timestamps) {
        String aggregate = IdentifierFactory.getInstance().generateIdentifier();
        List<DomainEventMessage<?>> events = new java.util.ArrayList<>();
        for (int seq = 0; seq < timestamps.length; seq++) {
            events.add(event(IdentifierFactory.getInstance().generateIdentifier(), aggregate, seq, timestamps[seq]));
        }
        return events;
    }

    private static DomainEventMessage<?> event(String id, String aggregate, long seq, String timestamp) {
        return new GenericDomainEventMessage<>("type", aggregate, seq, "payload", MetaData.emptyInstance(), id,
                                               Instant.parse(timestamp));
    }

    private static void assertIds(List<? extends EventMessage<?>> expected, List<? extends EventMessage<?>> actual) {
        assertThat(actual).extracting(EventMessage::getIdentifier)
                          .containsExactlyElementsOf(expected.stream().map(EventMessage::getIdentifier).toList());
    }

    private List<TrackedEventMessage<?>> read(TrackingToken from) {
        return engine.readEvents(from, false).collect(java.util.stream.Collectors.toList());
    }
}
