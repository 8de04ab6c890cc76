package vn.partyledger.infra.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.axonframework.common.BuilderUtils.assertNonNull;

/**
 * Axon's event storage engine on MongoDB: one document per append (a commit holding its events), so an append is
 * visible all at once or not at all on any MongoDB, with or without transactions; every position of the log ends up
 * holding a commit or a tombstone, so readers never skip one; every read is a key lookup, so appends, loads and
 * tracking batches cost the same on a store of any size. This class only hands Axon's calls to the parts that do the
 * work: {@link AppendProtocol} (how an append becomes visible), {@link PositionSealer} (giving up on an empty
 * position), {@link StreamReader} (aggregate loads), {@link TrackingReader} (tracking reads and tokens),
 * {@link Snapshots}, {@link ChainVerifier} (the hash chain), {@link CommitDocument} (the stored shape), all on
 * {@link LogStore} (every database call). See docs/adr/0019-one-commit-document-per-append.md.
 * <p>
 * Not a Spring component: the application wires it.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    /** Metadata key of a request's idempotency key; the engine stores it as the commit's unique request key. */
    public static final String REQUEST_KEY = "idempotencyKey";
    /** Metadata key of the fingerprint of the request, so a reused idempotency key can be told from a retry. */
    public static final String REQUEST_FINGERPRINT = "requestFingerprint";

    /** The events of each stream {@link #readStreams} reads first, all streams together: a person's are fewer. */
    private static final int READ_TOGETHER = 8;

    private final LogStore store;
    private final AppendProtocol appends;
    private final StreamReader streams;
    private final TrackingReader tracking;
    private final Snapshots snapshots;
    private final ChainVerifier verifier;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.store = builder.logStore != null ? builder.logStore : new MongoLogStore(builder.database);
        PositionSealer sealer = new PositionSealer(store, builder.timeouts.sealAfter(), builder.clock,
                                                   builder.nanoTime);
        this.appends = new AppendProtocol(store, sealer, builder.timeouts.appendTimeLimit(), builder.clock,
                                          builder.nanoTime);
        this.streams = new StreamReader(store);
        this.tracking = new TrackingReader(store, sealer);
        this.snapshots = new Snapshots(builder.database);
        this.verifier = new ChainVerifier(store, batchSize());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<OutgoingEvent> outgoing = events.stream().map(event -> new OutgoingEvent(event, serializer)).toList();
        try {
            long commit = appends.append(outgoing, requestKeyOf(events));
            AppendedThrough.record(LogPosition.lastOf(commit, outgoing.size()));
        } catch (StreamConflict conflict) {
            handlePersistenceException(conflict, conflict.failedEvent());
        } catch (MongoException e) {
            throw new EventStoreException("Failed to append " + events.size() + " events: " + e.getMessage(), e);
        }
    }

    private static String requestKeyOf(List<? extends EventMessage<?>> events) {
        Object key = events.get(0).getMetaData().get(REQUEST_KEY);
        return key != null ? key.toString() : null;
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshots.store(snapshot, serializer);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshots.read(aggregateIdentifier);
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        try {
            return streams.fetch(aggregateIdentifier, firstSequenceNumber, batchSize);
        } catch (MongoException e) {
            throw new EventStoreException("Failed to read events of aggregate " + aggregateIdentifier, e);
        }
    }

    /** {@code false}: a batch ends at the first event not stored, so a short batch is the end of the stream. */
    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return streams.lastSequenceNumber(aggregateIdentifier, batchSize());
    }

    /**
     * Of the aggregates given with a version each (their last sequence number as read), those whose stream holds an
     * event after it that a load would return: two reads however many aggregates (their next stream entries, and those
     * entries' commit headers), so values read from aggregates can be checked for being still current without loading
     * them again ({@link vn.partyledger.query.kept.KeptWhileCurrent}).
     */
    public Set<String> withEventsAfter(Map<String, Long> versions) {
        Map<String, Long> next = new HashMap<>();
        versions.forEach((aggregate, version) -> next.put(aggregate, version + 1));
        try {
            return streams.holding(next);
        } catch (MongoException e) {
            throw new EventStoreException("Failed to read the ends of " + versions.size() + " streams", e);
        }
    }

    /**
     * The events of each aggregate from the start of its stream, upcast and deserialized as a load without a snapshot
     * reads them, read together (ADR 0056): the first {@value #READ_TOGETHER} of every stream in two reads however
     * many aggregates (their stream entries, then their commits), and only the streams longer than that read on, batch
     * by batch. An aggregate the log does not know has no events.
     */
    public Map<String, List<DomainEventMessage<?>>> readStreams(Collection<String> aggregateIdentifiers) {
        Map<String, List<DomainEventData<?>>> read = new HashMap<>();
        Map<String, Long> unfinished = new HashMap<>();
        aggregateIdentifiers.forEach(aggregate -> unfinished.put(aggregate, 0L));
        int batch = READ_TOGETHER;
        try {
            while (!unfinished.isEmpty()) {
                Map<String, Long> next = new HashMap<>();
                for (Map.Entry<String, List<DomainEventData<?>>> fetched
                        : streams.fetchAll(unfinished, batch).entrySet()) {
                    String aggregate = fetched.getKey();
                    read.computeIfAbsent(aggregate, none -> new ArrayList<>()).addAll(fetched.getValue());
                    if (fetched.getValue().size() == batch) {
                        next.put(aggregate, unfinished.get(aggregate) + batch);
                    }
                }
                unfinished.clear();
                unfinished.putAll(next);
                batch = batchSize();
            }
        } catch (MongoException e) {
            throw new EventStoreException("Failed to read the streams of " + aggregateIdentifiers.size()
                    + " aggregates", e);
        }
        Map<String, List<DomainEventMessage<?>>> events = new HashMap<>();
        read.forEach((aggregate, data) -> events.put(aggregate, EventStreamUtils.asStream(
                EventStreamUtils.upcastAndDeserializeDomainEvents(data.stream(), getEventSerializer(), upcasterChain))
                .<DomainEventMessage<?>>map(event -> event).toList()));
        return events;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        try {
            return tracking.fetch(lastToken, batchSize);
        } catch (MongoException e) {
            throw new EventStoreException("Failed to read the log after " + lastToken, e);
        }
    }

    @Override
    public TrackingToken createTailToken() {
        return tracking.tail();
    }

    @Override
    public TrackingToken createHeadToken() {
        return tracking.head();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return tracking.at(dateTime);
    }

    /** About how many events the log holds, counted without a scan: what a rebuild has to read (ADR 0037). */
    public long storedEvents() {
        return store.storedEvents();
    }

    /**
     * The events of the whole commits after {@code afterPosition}, in log order with their stored hashes, about
     * {@code batchSize} of them: the same walk as a tracking read, so it never steps past a position still in flight.
     * Each commit's hashes are recomputed too, and the positions of those that no longer match are listed.
     */
    public LogSlice readAfter(long afterPosition, int batchSize) {
        List<HashedEvent> events = new ArrayList<>();
        List<Long> damaged = new ArrayList<>();
        long next = tracking.follow(afterPosition + 1, batchSize, commit -> {
            long position = CommitDocument.positionOf(commit);
            if (!CommitDocument.isTombstone(commit) && !ChainVerifier.commitIntact(commit)) {
                damaged.add(position);
            }
            List<Document> stored = CommitDocument.events(commit);
            for (int index = 0; index < stored.size(); index++) {
                Document event = stored.get(index);
                events.add(hashed(event, position, index));
            }
            return stored.size();
        });
        return new LogSlice(events, next - 1, damaged);
    }

    /**
     * Hands at most {@code limit} events of the aggregate's stream to {@code each} as stored, in sequence order from
     * {@code first}, a batch at a time (memory is one batch), up to the last one a load would return.
     */
    public void readStored(String aggregateIdentifier, long first, long limit, Consumer<StoredEvent> each) {
        long handed = 0;
        for (long from = first; handed < limit; ) {
            List<StoredEvent> batch = streams.stored(aggregateIdentifier, from, (int) Math.min(batchSize(),
                                                                                               limit - handed));
            batch.forEach(each);
            handed += batch.size();
            if (batch.size() < batchSize()) {
                return;
            }
            from += batch.size();
        }
    }

    /** The highest commit position allocated so far: how far a whole-log verification will read. */
    public long allocatedPositions() {
        return store.allocated();
    }

    /** Recomputes one aggregate's hash chain, from its first event to the last one stored. */
    public ChainVerification verifyChain(String aggregateIdentifier) {
        return verifier.verifyStream(aggregateIdentifier);
    }

    /** Recomputes every commit's hashes and follows every stream's links, over the whole log. */
    public LogVerification verifyLog() {
        return verifier.verifyLog();
    }

    private static HashedEvent hashed(Document event, long position, int index) {
        Number sequence = (Number) event.get(CommitDocument.SEQUENCE_NUMBER);
        return new HashedEvent(position, index, event.getString(CommitDocument.EVENT_IDENTIFIER),
                               event.getString(CommitDocument.AGGREGATE_IDENTIFIER),
                               sequence == null ? null : sequence.longValue(), event.getString(CommitDocument.HASH));
    }

    /**
     * Reads the whole log in position order, a window at a time, names what is wrong and where (at most
     * {@code limit} damages), hands every event's recomputed hash to {@code leaves} in log order and the last
     * position read to {@code progress} after each window.
     */
    public AuditedLog auditLog(LeafSink leaves, LongConsumer progress, int limit) {
        return new LogAudit(store, batchSize(), limit).run(leaves, progress);
    }

    /**
     * Checks one aggregate's stream from its first event to its first missing stream entry and names what is wrong
     * and where (at most {@code limit} damages); gives the events found with the hashes their fields give now.
     */
    public AuditedStream auditStream(String aggregateIdentifier, int limit) {
        return new StreamAudit(store, batchSize(), limit).run(aggregateIdentifier);
    }

    /** How many events the commit at {@code position} holds now (0 for a tombstone or an empty position). */
    public int eventsAt(long position) {
        Document commit = store.findCommits(List.of(position)).get(position);
        return commit == null ? 0 : CommitDocument.events(commit).size();
    }

    /** The commit recorded for the request with this idempotency key, if any. */
    public Optional<RecordedRequest> findRequest(String requestKey) {
        Document commit = store.findCommitByRequest(CommitDocument.callerRequest(requestKey));
        if (commit == null || CommitDocument.isTombstone(commit)) {
            return Optional.empty();
        }
        List<Document> events = CommitDocument.events(commit);
        Document firstMeta = events.isEmpty() ? new Document() : events.get(0).get(CommitDocument.META_DATA,
                                                                                     Document.class);
        List<RecordedRequest.RecordedEvent> recorded = events.stream().map(event -> {
            Number seq = (Number) event.get(CommitDocument.SEQUENCE_NUMBER);
            return new RecordedRequest.RecordedEvent(event.getString(CommitDocument.EVENT_IDENTIFIER),
                                                     event.getString(CommitDocument.AGGREGATE_IDENTIFIER),
                                                     seq == null ? 0 : seq.longValue());
        }).toList();
        return Optional.of(new RecordedRequest(firstMeta == null ? null : firstMeta.getString(REQUEST_FINGERPRINT),
                                               recorded, LogPosition.lastOf(CommitDocument.positionOf(commit),
                                                                            events.size())));
    }

    /**
     * Builder. {@code database} is required. Serializers default to Jackson (payloads are stored as JSON documents);
     * batch size 100; duplicate stream entries are reported as Axon's concurrency exceptions; the clock follows
     * Axon's event clock; timeouts default to {@link EventStoreTimeouts#DEFAULTS}.
     */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private LogStore logStore;
        private EventStoreTimeouts timeouts = EventStoreTimeouts.DEFAULTS;
        private Clock clock = new AxonClock();
        private LongSupplier nanoTime = System::nanoTime;

        protected Builder() {
            super.eventSerializer(JacksonSerializer.defaultSerializer());
            super.snapshotSerializer(JacksonSerializer.defaultSerializer());
            super.persistenceExceptionResolver(StreamConflict.class::isInstance);
        }

        public Builder database(MongoDatabase database) {
            assertNonNull(database, "database may not be null");
            this.database = database;
            return this;
        }

        /** The database seen through a wrapper (tests inject faults here); the engine still needs the database. */
        Builder logStore(LogStore logStore) {
            this.logStore = logStore;
            return this;
        }

        public Builder timeouts(EventStoreTimeouts timeouts) {
            assertNonNull(timeouts, "timeouts may not be null");
            this.timeouts = timeouts;
            return this;
        }

        public Builder clock(Clock clock) {
            assertNonNull(clock, "clock may not be null");
            this.clock = clock;
            return this;
        }

        Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = nanoTime;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(
                org.axonframework.common.jdbc.PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        public Builder finalAggregateBatchPredicate(Predicate<List<? extends DomainEventData<?>>> predicate) {
            super.finalAggregateBatchPredicate(predicate);
            return this;
        }

        public MongoEventStorageEngine build() {
            validate();
            return new MongoEventStorageEngine(this);
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            assertNonNull(database, "The database is a hard requirement and should be provided");
            super.validate();
        }
    }

    /** Reads {@link GenericEventMessage#clock} on every call, so it follows whatever clock Axon's messages use. */
    private static final class AxonClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return GenericEventMessage.clock.instant();
        }
    }
}
