package vn.partyledger.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static java.util.Objects.requireNonNull;
import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.axonframework.common.BuilderUtils.assertThat;

/**
 * Axon event storage engine on MongoDB in which every hot read and every concurrency check is a key lookup:
 * equality or {@code $in} on {@code _id} or on a single-field unique index. That is what both a real MongoDB and
 * the embedded mongo-java-server answer from an index, so appends, aggregate loads and tracking batches cost
 * O(batch) whatever the size of the store. See docs/adr/0002-mongo-event-storage-engine.md.
 * <p>
 * Collections:
 * <ul>
 *     <li>{@code domain_events}: one document per event; {@code _id} = event identifier; unique
 *     {@code globalIndex} and {@code streamKey} (= aggregate id + "/" + sequence number); payload and metadata as
 *     embedded documents; per-aggregate hash chain ({@code previousHash}, {@code hash}).</li>
 *     <li>{@code aggregate_heads}: one document per aggregate; the compare-and-set point that makes an append
 *     all-or-nothing without multi-document transactions. Its unique {@code claim} field (= aggregate id + "/" +
 *     last sequence number) lets the compare-and-set be a single-key lookup.</li>
 *     <li>{@code domain_event_counters}: the allocated maximum global index.</li>
 *     <li>{@code snapshot_events}: the latest snapshot per aggregate.</li>
 * </ul>
 * Not a Spring component: the application wires it.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    private static final Logger logger = LoggerFactory.getLogger(MongoEventStorageEngine.class);

    public static final String EVENTS_COLLECTION = "domain_events";
    public static final String HEADS_COLLECTION = "aggregate_heads";
    public static final String COUNTERS_COLLECTION = "domain_event_counters";
    public static final String SNAPSHOTS_COLLECTION = "snapshot_events";
    static final String GLOBAL_INDEX_COUNTER = "globalIndex";

    static final String ID = "_id";
    static final String GLOBAL_INDEX = "globalIndex";
    static final String STREAM_KEY = "streamKey";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    static final String PREVIOUS_HASH = "previousHash";
    static final String HASH = "hash";
    static final String APPEND_FIRST_INDEX = "appendFirstIndex";
    static final String CLAIM = "claim";
    static final String UPDATED_AT = "updatedAt";
    static final String SNAPSHOT_KEY = "snapshotKey";
    static final String VALUE = "value";

    private static final int DEFAULT_MAX_GAP_OFFSET = 10_000;
    private static final long DEFAULT_LOWEST_GLOBAL_SEQUENCE = 1;
    private static final int DEFAULT_GAP_TIMEOUT = 60_000;
    private static final int DEFAULT_GAP_CLEANING_THRESHOLD = 250;
    private static final Duration DEFAULT_ORPHANED_CLAIM_TIMEOUT = Duration.ofSeconds(30);
    /** Largest {@code $in} used when probing past a window of allocated-but-empty indexes. */
    private static final int MAX_PROBE_WINDOW = 10_000;
    /** Window used to find the highest stored index below the allocated maximum (head token, time search). */
    private static final int PROBE_WINDOW = 64;
    private static final Bson GLOBAL_INDEX_ONLY = new Document(GLOBAL_INDEX, 1).append(ID, 0);

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> snapshots;
    private final int maxGapOffset;
    private final long lowestGlobalSequence;
    private final int gapTimeout;
    private final int gapCleaningThreshold;
    private final Duration orphanedClaimTimeout;
    private final Clock clock;
    private final AppendHook beforeInsertHook;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        this.events = database.getCollection(EVENTS_COLLECTION);
        this.heads = database.getCollection(HEADS_COLLECTION);
        this.counters = database.getCollection(COUNTERS_COLLECTION);
        this.snapshots = database.getCollection(SNAPSHOTS_COLLECTION);
        this.maxGapOffset = builder.maxGapOffset;
        this.lowestGlobalSequence = builder.lowestGlobalSequence;
        this.gapTimeout = builder.gapTimeout;
        this.gapCleaningThreshold = builder.gapCleaningThreshold;
        this.orphanedClaimTimeout = builder.orphanedClaimTimeout;
        this.clock = builder.clock;
        this.beforeInsertHook = builder.beforeInsertHook;
        ensureSchema();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Idempotent: unique indexes and the counter document. */
    private void ensureSchema() {
        IndexOptions unique = new IndexOptions().unique(true);
        events.createIndex(Indexes.ascending(GLOBAL_INDEX), unique);
        events.createIndex(Indexes.ascending(STREAM_KEY), unique);
        heads.createIndex(Indexes.ascending(CLAIM), unique);
        snapshots.createIndex(Indexes.ascending(SNAPSHOT_KEY), unique);
        try {
            counters.updateOne(eq(ID, GLOBAL_INDEX_COUNTER),
                               Updates.setOnInsert(VALUE, lowestGlobalSequence - 1),
                               new UpdateOptions().upsert(true));
        } catch (MongoException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // another node created it at the same moment
        }
    }

    static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "/" + sequenceNumber;
    }

    /**
     * The head's compare-and-set key: stream key of the last event plus its hash. Matching it proves both the
     * sequence number and the hash the new events were chained from are still current (a read of the head that
     * raced with an update cannot lead to a wrongly linked chain).
     */
    static String claimKey(String aggregateIdentifier, long sequenceNumber, String hash) {
        return streamKey(aggregateIdentifier, sequenceNumber) + "#" + hash;
    }

    // ------------------------------------------------------------------------------------------------ appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<PendingEvent> pending = new ArrayList<>(events.size());
        // Sorted by aggregate id: every writer claims heads in the same order.
        TreeMap<String, List<PendingEvent>> byAggregate = new TreeMap<>();
        for (EventMessage<?> message : events) {
            PendingEvent event = PendingEvent.of(message, serializer);
            pending.add(event);
            if (event.domain) {
                byAggregate.computeIfAbsent(event.aggregateIdentifier, id -> new ArrayList<>()).add(event);
            } else {
                event.chain(null);
            }
        }
        for (List<PendingEvent> stream : byAggregate.values()) {
            for (int i = 1; i < stream.size(); i++) {
                if (stream.get(i).sequenceNumber != stream.get(0).sequenceNumber + i) {
                    throw conflict(stream.get(i).message, "events of one aggregate in a batch must have consecutive "
                            + "sequence numbers", null);
                }
            }
        }

        Instant claimedAt = clock.instant();
        List<Claim> claims = new ArrayList<>(byAggregate.size());
        try {
            for (List<PendingEvent> stream : byAggregate.values()) {
                claims.add(claimHead(stream));
            }
        } catch (RuntimeException e) {
            rollBack(claims);
            throw e;
        }

        List<Long> allocated = Collections.emptyList();
        try {
            long last = allocateGlobalIndexes(pending.size());
            long first = last - pending.size() + 1;
            allocated = new ArrayList<>(pending.size());
            List<Document> documents = new ArrayList<>(pending.size());
            for (int i = 0; i < pending.size(); i++) {
                allocated.add(first + i);
                documents.add(pending.get(i).toDocument(first + i, first));
            }
            beforeInsertHook.beforeInsert(allocated);
            if (!claims.isEmpty()
                    && Duration.between(claimedAt, clock.instant()).compareTo(orphanedClaimTimeout.dividedBy(2)) > 0) {
                // Our claims may already look orphaned to other nodes, which could repair them and append: abort
                // rather than risk inserting events that another node already superseded.
                throw conflict(pending.get(0).message, "heads were held too long before inserting", null);
            }
            this.events.insertMany(documents, new InsertManyOptions().ordered(true));
        } catch (RuntimeException e) {
            deleteQuietly(allocated);
            rollBack(claims);
            if (e instanceof ConcurrencyException || e instanceof AggregateStreamCreationException) {
                throw e;
            }
            if (isDuplicateKey(e)) {
                throw conflict(failedEvent(e, pending), "duplicate event identifier or stream key", e);
            }
            throw new EventStoreException("Failed to append " + pending.size() + " event(s)", e);
        }
    }

    /**
     * Claims the head of one aggregate for the given consecutive events: inserts it for a new aggregate, or moves it
     * from the expected previous sequence number by compare-and-set on the unique {@code claim} key. Computes the
     * events' hash chain from the head's hash on the way.
     */
    private Claim claimHead(List<PendingEvent> stream) {
        PendingEvent firstEvent = stream.get(0);
        PendingEvent lastEvent = stream.get(stream.size() - 1);
        String aggregateId = firstEvent.aggregateIdentifier;
        long expected = firstEvent.sequenceNumber - 1;
        for (int attempt = 0; ; attempt++) {
            Date now = Date.from(clock.instant());
            if (expected < 0) {
                chain(stream, null);
                String newClaim = claimKey(aggregateId, lastEvent.sequenceNumber, lastEvent.hash);
                Document head = new Document(ID, aggregateId)
                        .append(CLAIM, newClaim)
                        .append(SEQUENCE_NUMBER, lastEvent.sequenceNumber)
                        .append(AGGREGATE_TYPE, firstEvent.aggregateType)
                        .append(HASH, lastEvent.hash)
                        .append(UPDATED_AT, now);
                try {
                    heads.insertOne(head);
                    return new Claim(aggregateId, newClaim, null);
                } catch (MongoException e) {
                    if (!isDuplicateKey(e)) {
                        throw new EventStoreException("Failed to claim head of aggregate " + aggregateId, e);
                    }
                    if (attempt == 0 && repairStaleHead(aggregateId, expected, null)) {
                        continue;
                    }
                    throw conflict(firstEvent.message, "aggregate already exists", e);
                }
            }

            Document head = heads.find(eq(ID, aggregateId)).first();
            if (head != null && sequenceOf(head) == expected) {
                String headHash = head.getString(HASH);
                chain(stream, headHash);
                String newClaim = claimKey(aggregateId, lastEvent.sequenceNumber, lastEvent.hash);
                Document previous = heads.findOneAndUpdate(
                        eq(CLAIM, claimKey(aggregateId, expected, headHash)),
                        Updates.combine(Updates.set(CLAIM, newClaim),
                                        Updates.set(SEQUENCE_NUMBER, lastEvent.sequenceNumber),
                                        Updates.set(HASH, lastEvent.hash),
                                        Updates.set(UPDATED_AT, now)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
                if (previous != null) {
                    return new Claim(aggregateId, newClaim, previous);
                }
                throw conflict(firstEvent.message, "another writer appended first", null);
            }
            if (attempt == 0 && repairStaleHead(aggregateId, expected, head)) {
                continue;
            }
            throw conflict(firstEvent.message, head == null
                    ? "no such aggregate stream"
                    : "expected last sequence " + expected + " but the stream is at " + sequenceOf(head), null);
        }
    }

    private static void chain(List<PendingEvent> stream, String previousHash) {
        String hash = previousHash;
        for (PendingEvent event : stream) {
            hash = event.chain(hash);
        }
    }

    /**
     * Makes a stale head agree with its stream. The caller has read the stream up to {@code expected}; if the store
     * confirms that the stream ends there (the event at {@code expected} exists, or {@code expected} is -1, and the
     * one after it does not), but the head says otherwise and has not moved for {@code orphanedClaimTimeout}, the
     * head is wrong: typically a writer died between claiming it and inserting its events (head ahead), or, rarer,
     * a writer stalled past the timeout and inserted after its claim had been repaired (head behind, or missing).
     * The head is set by compare-and-set on its claim to the last stored event, or deleted if there is none.
     *
     * @return {@code true} if the caller should retry its claim
     */
    private boolean repairStaleHead(String aggregateId, long expected, Document head) {
        if (head == null) {
            head = heads.find(eq(ID, aggregateId)).first();
        }
        if (head != null) {
            if (sequenceOf(head) == expected) {
                return true;
            }
            Date updatedAt = head.getDate(UPDATED_AT);
            if (updatedAt != null && updatedAt.toInstant().isAfter(clock.instant().minus(orphanedClaimTimeout))) {
                return false;
            }
        }
        if (events.find(eq(STREAM_KEY, streamKey(aggregateId, expected + 1))).first() != null) {
            return false;
        }
        if (expected < 0) {
            if (head == null) {
                return true;
            }
            DeleteResult deleted = heads.deleteOne(eq(CLAIM, head.getString(CLAIM)));
            logger.warn("Removed stale head of aggregate [{}] at sequence {}: no event is stored ({} removed)",
                        aggregateId, sequenceOf(head), deleted.getDeletedCount());
            return true;
        }
        Document lastStored = events.find(eq(STREAM_KEY, streamKey(aggregateId, expected))).first();
        if (lastStored == null) {
            return false;
        }
        String hash = lastStored.getString(HASH);
        Date now = Date.from(clock.instant());
        if (head == null) {
            try {
                heads.insertOne(new Document(ID, aggregateId).append(CLAIM, claimKey(aggregateId, expected, hash))
                                                             .append(SEQUENCE_NUMBER, expected)
                                                             .append(AGGREGATE_TYPE, lastStored.get(AGGREGATE_TYPE))
                                                             .append(HASH, hash)
                                                             .append(UPDATED_AT, now));
                logger.warn("Recreated the missing head of aggregate [{}] at its last stored event {}",
                            aggregateId, expected);
            } catch (MongoException e) {
                if (!isDuplicateKey(e)) {
                    throw e;
                }
            }
            return true;
        }
        UpdateResult reset = heads.updateOne(
                eq(CLAIM, head.getString(CLAIM)),
                Updates.combine(Updates.set(CLAIM, claimKey(aggregateId, expected, hash)),
                                Updates.set(SEQUENCE_NUMBER, expected),
                                Updates.set(HASH, hash),
                                Updates.set(UPDATED_AT, now)));
        logger.warn("Reset stale head of aggregate [{}] from sequence {} to the last stored event {} ({} reset)",
                    aggregateId, sequenceOf(head), expected, reset.getModifiedCount());
        return true;
    }

    /** Compare-and-set every claimed head back to what it was; a head that moved on since is left alone. */
    private void rollBack(List<Claim> claims) {
        for (int i = claims.size() - 1; i >= 0; i--) {
            Claim claim = claims.get(i);
            try {
                if (claim.previous == null) {
                    heads.deleteOne(eq(CLAIM, claim.newClaim));
                } else {
                    heads.updateOne(eq(CLAIM, claim.newClaim),
                                    Updates.combine(
                                            Updates.set(CLAIM, claim.previous.getString(CLAIM)),
                                            Updates.set(SEQUENCE_NUMBER, claim.previous.get(SEQUENCE_NUMBER)),
                                            Updates.set(HASH, claim.previous.getString(HASH)),
                                            Updates.set(UPDATED_AT, claim.previous.getDate(UPDATED_AT))));
                }
            } catch (RuntimeException e) {
                // Left as an orphaned claim; repaired by the next writer after orphanedClaimTimeout.
                logger.warn("Could not roll back the head of aggregate [{}]", claim.aggregateId, e);
            }
        }
    }

    private void deleteQuietly(List<Long> globalIndexes) {
        if (globalIndexes.isEmpty()) {
            return;
        }
        try {
            events.deleteMany(in(GLOBAL_INDEX, globalIndexes));
        } catch (RuntimeException e) {
            logger.warn("Could not remove the events of a failed append at global indexes {}", globalIndexes, e);
        }
    }

    /**
     * Allocates exactly {@code count} global indexes; returns the highest. Computed from the document as it was
     * BEFORE the increment: mongo-java-server answers "return the new document" with a reference to the live
     * document, serialized after its lock is released, so two concurrent callers could both see the later value.
     */
    private long allocateGlobalIndexes(int count) {
        Document before = counters.findOneAndUpdate(
                eq(ID, GLOBAL_INDEX_COUNTER), Updates.inc(VALUE, (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        long value = (before == null ? 0L : ((Number) before.get(VALUE)).longValue()) + count;
        if (value - count + 1 < lowestGlobalSequence) {
            throw new EventStoreException("The global index counter is below lowestGlobalSequence: " + value);
        }
        return value;
    }

    /** Highest allocated global index (allocated is not the same as written). */
    long allocatedMaximum() {
        Document counter = counters.find(eq(ID, GLOBAL_INDEX_COUNTER)).first();
        return counter == null ? lowestGlobalSequence - 1 : ((Number) counter.get(VALUE)).longValue();
    }

    private RuntimeException conflict(EventMessage<?> event, String reason, Throwable cause) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            if (domainEvent.getSequenceNumber() == 0) {
                return new AggregateStreamCreationException(String.format(
                        "Cannot reuse aggregate identifier [%s] to create aggregate [%s]: %s",
                        domainEvent.getAggregateIdentifier(), domainEvent.getType(), reason), cause);
            }
            return new ConcurrencyException(String.format(
                    "An event for aggregate [%s] at sequence [%d] could not be appended: %s",
                    domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(), reason), cause);
        }
        return new ConcurrencyException(String.format("An event with identifier [%s] could not be appended: %s",
                                                      event.getIdentifier(), reason), cause);
    }

    private static EventMessage<?> failedEvent(RuntimeException e, List<PendingEvent> pending) {
        if (e instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
            int index = bulk.getWriteErrors().get(0).getIndex();
            if (index >= 0 && index < pending.size()) {
                return pending.get(index).message;
            }
        }
        return pending.get(0).message;
    }

    static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
            if (t instanceof MongoBulkWriteException b) {
                for (BulkWriteError error : b.getWriteErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                        return true;
                    }
                }
            }
            if (t instanceof MongoCommandException c
                    && ErrorCategory.fromErrorCode(c.getErrorCode()) == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }

    private static long sequenceOf(Document document) {
        return ((Number) document.get(SEQUENCE_NUMBER)).longValue();
    }

    // ------------------------------------------------------------------------------------------------ snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        PendingEvent event = PendingEvent.of(snapshot, serializer);
        String aggregateId = snapshot.getAggregateIdentifier();
        Document document = new Document(ID, aggregateId)
                .append(SNAPSHOT_KEY, streamKey(aggregateId, snapshot.getSequenceNumber()))
                .append(EVENT_IDENTIFIER, snapshot.getIdentifier())
                .append(AGGREGATE_TYPE, snapshot.getType())
                .append(AGGREGATE_IDENTIFIER, aggregateId)
                .append(SEQUENCE_NUMBER, snapshot.getSequenceNumber())
                .append(TIMESTAMP, Date.from(snapshot.getTimestamp()))
                .append(PAYLOAD_TYPE, event.payloadType)
                .append(PAYLOAD_REVISION, event.payloadRevision)
                .append(PAYLOAD, event.payload)
                .append(META_DATA, event.metaData);
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                Document current = snapshots.find(eq(ID, aggregateId)).first();
                if (current == null) {
                    try {
                        snapshots.insertOne(document);
                        return;
                    } catch (MongoException e) {
                        if (!isDuplicateKey(e)) {
                            throw e;
                        }
                        continue;
                    }
                }
                if (sequenceOf(current) >= snapshot.getSequenceNumber()) {
                    return;
                }
                // compare-and-set on the replaced snapshot's unique key: a newer one stored meanwhile wins
                if (snapshots.replaceOne(eq(SNAPSHOT_KEY, current.getString(SNAPSHOT_KEY)), document)
                             .getMatchedCount() == 1) {
                    return;
                }
            }
        } catch (MongoException e) {
            throw new EventStoreException("Failed to store snapshot of aggregate " + aggregateId, e);
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document document = snapshots.find(eq(ID, aggregateIdentifier)).first();
        if (document == null) {
            return Stream.empty();
        }
        return Stream.of(toEventData(document, document.getString(EVENT_IDENTIFIER), aggregateIdentifier));
    }

    // ------------------------------------------------------------------------------------------------ aggregate streams

    /**
     * The contiguous run of the aggregate's events from {@code firstSequenceNumber}: one {@code $in} of stream keys,
     * cut at the first missing sequence number, so a batch never contains a hole.
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        Map<Long, Document> found = readStream(aggregateIdentifier, firstSequenceNumber,
                                               firstSequenceNumber + batchSize - 1);
        List<DomainEventData<?>> result = new ArrayList<>(found.size());
        for (long seq = firstSequenceNumber; ; seq++) {
            Document document = found.get(seq);
            if (document == null) {
                return result;
            }
            result.add(toEventData(document, document.getString(ID), aggregateIdentifier));
        }
    }

    /**
     * {@code false}: a batch is cut at the first missing sequence number, so a batch shorter than the batch size is
     * the end of the stream (an event after a hole belongs to an append still in flight, which a load must not see).
     */
    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false;
    }

    private Map<Long, Document> readStream(String aggregateIdentifier, long from, long to) {
        List<String> keys = new ArrayList<>((int) (to - from + 1));
        for (long seq = from; seq <= to; seq++) {
            keys.add(streamKey(aggregateIdentifier, seq));
        }
        Map<Long, Document> found = new HashMap<>();
        try {
            for (Document document : events.find(in(STREAM_KEY, keys)).batchSize(keys.size())) {
                found.put(sequenceOf(document), document);
            }
        } catch (MongoException e) {
            throw new EventStoreException("Failed to read events of aggregate " + aggregateIdentifier, e);
        }
        return found;
    }

    /** The last sequence number actually stored (the head may be ahead while an append is in flight). */
    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Document head = heads.find(eq(ID, aggregateIdentifier)).first();
        if (head == null) {
            return Optional.empty();
        }
        long upper = sequenceOf(head);
        while (upper >= 0) {
            long lower = Math.max(0, upper - batchSize() + 1);
            Map<Long, Document> found = readStream(aggregateIdentifier, lower, upper);
            if (!found.isEmpty()) {
                return Optional.of(Collections.max(found.keySet()));
            }
            upper = lower - 1;
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------------------ tracking

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException(String.format("Token [%s] is of the wrong type. Expected [%s]",
                                                             lastToken, GapAwareTrackingToken.class.getSimpleName()));
        }
        GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
        long index = token == null ? lowestGlobalSequence - 1 : token.getIndex();
        Instant gapTimeoutFrame = clock.instant().minusMillis(gapTimeout);

        // One $in: the token's gaps, the next batchSize indexes, and the first index after each of the oldest gap
        // runs (their "neighbours", whose age tells whether the gaps before them are abandoned).
        SortedSet<Long> gaps = token == null ? Collections.emptySortedSet() : token.getGaps();
        List<long[]> gapRuns = gapRuns(gaps, gapCleaningThreshold);
        TreeSet<Long> keys = new TreeSet<>(gaps);
        gapRuns.forEach(run -> keys.add(run[1] + 1));
        for (long i = index + 1; i <= index + batchSize; i++) {
            keys.add(i);
        }
        TreeMap<Long, Document> found = readGlobal(keys);

        GapAwareTrackingToken cleaned = cleanGaps(token, gapRuns, found, gapTimeoutFrame);
        List<Document> deliverable = new ArrayList<>();
        for (Map.Entry<Long, Document> entry : found.entrySet()) {
            long globalIndex = entry.getKey();
            if (globalIndex > index || (cleaned != null && cleaned.getGaps().contains(globalIndex))) {
                deliverable.add(entry.getValue());
            }
        }
        if (deliverable.isEmpty()) {
            deliverable = probeBeyond(index + batchSize + 1, batchSize);
            deliverable.forEach(document -> found.put(globalIndexOf(document), document));
        }
        if (deliverable.size() > batchSize) {
            deliverable = deliverable.subList(0, batchSize);
        }
        return toTrackedEvents(cleaned, untilIncompleteAppend(deliverable, found, cleaned, gapTimeoutFrame),
                               gapTimeoutFrame);
    }

    /**
     * Cuts the batch before the first event whose own append is not fully visible yet. Without transactions the
     * documents of one {@code insertMany} become visible one by one, and a reader may catch the second event of an
     * aggregate's append without the first; delivering it would break per-aggregate order (the first would come
     * later as a gap fill). Every event records the first global index of its append, so the reader checks that
     * the indexes from there up to the event have been delivered before or are in this batch. An event older than
     * the gap timeout is not held back (its append's missing part was removed after a failure).
     */
    private List<Document> untilIncompleteAppend(List<Document> deliverable, Map<Long, Document> found,
                                                 GapAwareTrackingToken startToken, Instant gapTimeoutFrame) {
        for (int i = 0; i < deliverable.size(); i++) {
            Document document = deliverable.get(i);
            long globalIndex = globalIndexOf(document);
            Number first = (Number) document.get(APPEND_FIRST_INDEX);
            if (first == null || first.longValue() >= globalIndex) {
                continue;
            }
            for (long earlier = first.longValue(); earlier < globalIndex; earlier++) {
                boolean deliveredBefore = startToken != null && earlier <= startToken.getIndex()
                        && !startToken.getGaps().contains(earlier);
                if (!deliveredBefore && !found.containsKey(earlier)
                        && timestampOf(document).isAfter(gapTimeoutFrame)) {
                    return deliverable.subList(0, i);
                }
            }
        }
        return deliverable;
    }

    private static long globalIndexOf(Document document) {
        return ((Number) document.get(GLOBAL_INDEX)).longValue();
    }

    /**
     * The window held nothing new. If the counter shows that indexes beyond it are allocated, the window is all
     * holes (failed or in-flight appends): look further, window by window up to the allocated maximum, so a reader
     * is never stuck behind holes. The first events found are delivered, and the passed-over indexes become gaps of
     * their tokens (if recent), exactly as if the window had been that wide.
     */
    private List<Document> probeBeyond(long from, int batchSize) {
        long allocated = allocatedMaximum();
        int width = Math.max(batchSize, 1);
        while (from <= allocated) {
            long to = Math.min(allocated, from + width - 1);
            TreeSet<Long> keys = new TreeSet<>();
            for (long i = from; i <= to; i++) {
                keys.add(i);
            }
            // Probe with the index alone; then read the documents of one batch from the first index found.
            TreeMap<Long, Document> found = readGlobal(keys, GLOBAL_INDEX_ONLY);
            if (!found.isEmpty()) {
                long first = found.firstKey();
                TreeSet<Long> batch = new TreeSet<>(found.subMap(first, true, first + batchSize - 1, true)
                                                         .keySet());
                return new ArrayList<>(readGlobal(batch).values());
            }
            from = to + 1;
            width = Math.min(width * 2, MAX_PROBE_WINDOW);
        }
        return Collections.emptyList();
    }

    /**
     * Drops abandoned gaps, oldest first: the run of gaps before index {@code n} is abandoned when none of it has
     * been filled and the event at {@code n} (the first index after the run, already delivered) is older than the
     * gap timeout. Stops at the first run that is filled, recent, or whose neighbour is unknown: like Axon's JDBC
     * engine, gaps are only ever dropped from the bottom.
     */
    private GapAwareTrackingToken cleanGaps(GapAwareTrackingToken token, List<long[]> gapRuns,
                                            TreeMap<Long, Document> found, Instant gapTimeoutFrame) {
        GapAwareTrackingToken cleaned = token;
        for (long[] run : gapRuns) {
            boolean filled = !found.subMap(run[0], true, run[1], true).isEmpty();
            Document neighbour = found.get(run[1] + 1);
            if (filled || neighbour == null || timestampOf(neighbour).isAfter(gapTimeoutFrame)) {
                break;
            }
            cleaned = cleaned.withGapsTruncatedAt(run[1] + 1);
        }
        return cleaned;
    }

    private static List<long[]> gapRuns(SortedSet<Long> gaps, int maxRuns) {
        List<long[]> runs = new ArrayList<>();
        long start = -1;
        long end = -1;
        for (long gap : gaps) {
            if (start >= 0 && gap == end + 1) {
                end = gap;
                continue;
            }
            if (start >= 0) {
                runs.add(new long[]{start, end});
                if (runs.size() >= maxRuns) {
                    return runs;
                }
            }
            start = gap;
            end = gap;
        }
        if (start >= 0) {
            runs.add(new long[]{start, end});
        }
        return runs;
    }

    /** Tokens computed event by event exactly like Axon's JdbcEventStorageEngine. */
    private List<TrackedEventData<?>> toTrackedEvents(GapAwareTrackingToken startToken, List<Document> documents,
                                                      Instant gapTimeoutFrame) {
        List<TrackedEventData<?>> result = new ArrayList<>(documents.size());
        GapAwareTrackingToken token = startToken;
        for (Document document : documents) {
            long globalIndex = ((Number) document.get(GLOBAL_INDEX)).longValue();
            StoredEventData data = toTrackedEventData(document);
            boolean allowGaps = data.timestamp().isAfter(gapTimeoutFrame);
            if (token == null) {
                TreeSet<Long> gaps = new TreeSet<>();
                if (allowGaps) {
                    long from = Math.max(Math.min(lowestGlobalSequence, globalIndex), globalIndex - maxGapOffset);
                    for (long i = from; i < globalIndex; i++) {
                        gaps.add(i);
                    }
                }
                token = GapAwareTrackingToken.newInstance(globalIndex, gaps);
            } else {
                token = token.advanceTo(globalIndex, allowGaps ? maxGapOffset : 0);
            }
            result.add(new TrackedDomainEventData<>(token, data));
        }
        return result;
    }

    private TreeMap<Long, Document> readGlobal(java.util.Collection<Long> globalIndexes) {
        return readGlobal(globalIndexes, null);
    }

    private TreeMap<Long, Document> readGlobal(java.util.Collection<Long> globalIndexes, Bson projection) {
        TreeMap<Long, Document> found = new TreeMap<>();
        if (globalIndexes.isEmpty()) {
            return found;
        }
        try {
            for (Document document : events.find(in(GLOBAL_INDEX, globalIndexes)).projection(projection)
                                           .batchSize(globalIndexes.size())) {
                found.put(((Number) document.get(GLOBAL_INDEX)).longValue(), document);
            }
        } catch (MongoException e) {
            throw new EventStoreException("Failed to read events at global indexes", e);
        }
        return found;
    }

    // ------------------------------------------------------------------------------------------------ tokens

    /** {@code null} for an empty store, else the position before the lowest global index: a stream of everything. */
    @Override
    public TrackingToken createTailToken() {
        if (allocatedMaximum() < lowestGlobalSequence) {
            return null;
        }
        return GapAwareTrackingToken.newInstance(lowestGlobalSequence - 1, Collections.emptySet());
    }

    /**
     * The highest stored index near the allocated maximum, with the still-missing indexes of that last window as
     * gaps: an append that allocated its indexes but has not inserted yet is delivered when it lands.
     */
    @Override
    public TrackingToken createHeadToken() {
        long allocated = allocatedMaximum();
        if (allocated < lowestGlobalSequence) {
            return null;
        }
        long windowStart = Math.max(lowestGlobalSequence, allocated - batchSize() + 1);
        TreeSet<Long> window = new TreeSet<>();
        for (long i = windowStart; i <= allocated; i++) {
            window.add(i);
        }
        TreeMap<Long, Document> found = readGlobal(window, GLOBAL_INDEX_ONLY);
        if (found.isEmpty()) {
            return GapAwareTrackingToken.newInstance(windowStart - 1, Collections.emptySet());
        }
        long head = found.lastKey();
        TreeSet<Long> gaps = new TreeSet<>();
        for (long i = windowStart; i < head; i++) {
            if (!found.containsKey(i)) {
                gaps.add(i);
            }
        }
        return GapAwareTrackingToken.newInstance(head, gaps);
    }

    /**
     * The position just before the first stored event whose timestamp is at or after {@code dateTime}, found by a
     * binary search over global indexes with key lookups (holes are stepped over). Assumes timestamps roughly
     * increase with the global index, which holds up to clock skew between nodes and the time an append spends
     * between creating its events and allocating their indexes. No such event: the head token.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long allocated = allocatedMaximum();
        long lo = lowestGlobalSequence;
        long hi = allocated + 1;
        long best = -1;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            Document atOrAfter = firstStoredAtOrAfter(mid, hi - 1);
            if (atOrAfter == null) {
                hi = mid;
                continue;
            }
            long globalIndex = ((Number) atOrAfter.get(GLOBAL_INDEX)).longValue();
            if (!timestampOf(atOrAfter).isBefore(dateTime)) {
                best = globalIndex;
                hi = mid;
            } else {
                lo = globalIndex + 1;
            }
        }
        if (best < 0) {
            return createHeadToken();
        }
        return GapAwareTrackingToken.newInstance(best - 1, Collections.emptySet());
    }

    private Document firstStoredAtOrAfter(long from, long limit) {
        int width = PROBE_WINDOW;
        while (from <= limit) {
            long to = Math.min(limit, from + width - 1);
            List<Long> keys = new ArrayList<>();
            for (long i = from; i <= to; i++) {
                keys.add(i);
            }
            Document first = null;
            for (Document document : events.find(in(GLOBAL_INDEX, keys))
                                           .projection(new Document(GLOBAL_INDEX, 1).append(TIMESTAMP, 1))
                                           .batchSize(keys.size())) {
                if (first == null || ((Number) document.get(GLOBAL_INDEX)).longValue()
                        < ((Number) first.get(GLOBAL_INDEX)).longValue()) {
                    first = document;
                }
            }
            if (first != null) {
                return first;
            }
            from = to + 1;
            width = Math.min(width * 2, MAX_PROBE_WINDOW);
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ hash chain

    /**
     * Re-reads the aggregate's stream by key lookups and recomputes its hash chain. A missing event before the head's
     * sequence number breaks the chain, unless the head was claimed less than {@code orphanedClaimTimeout} ago (an
     * append in flight).
     */
    public ChainVerification verifyChain(String aggregateIdentifier) {
        Document head = heads.find(eq(ID, aggregateIdentifier)).first();
        if (head == null) {
            return ChainVerification.intact(0);
        }
        long headSequence = sequenceOf(head);
        Date headUpdatedAt = head.getDate(UPDATED_AT);
        boolean inFlight = headUpdatedAt != null
                && headUpdatedAt.toInstant().isAfter(clock.instant().minus(orphanedClaimTimeout));
        String previousHash = null;
        long checked = 0;
        Long firstMissing = null;
        for (long from = 0; from <= headSequence; from += batchSize()) {
            long to = Math.min(headSequence, from + batchSize() - 1);
            Map<Long, Document> found = readStream(aggregateIdentifier, from, to);
            for (long seq = from; seq <= to; seq++) {
                Document document = found.get(seq);
                if (document == null) {
                    if (firstMissing == null) {
                        firstMissing = seq;
                    }
                    continue;
                }
                if (firstMissing != null) {
                    return ChainVerification.brokenAt(checked, firstMissing);
                }
                checked++;
                String recomputed = EventHash.compute(previousHash, document.getString(ID),
                                                      document.getString(AGGREGATE_IDENTIFIER), seq,
                                                      document.getString(PAYLOAD_TYPE),
                                                      document.getString(PAYLOAD_REVISION),
                                                      document.get(PAYLOAD), document.get(META_DATA));
                if (!Objects.equals(previousHash, document.getString(PREVIOUS_HASH))
                        || !recomputed.equals(document.getString(HASH))) {
                    return ChainVerification.brokenAt(checked, seq);
                }
                previousHash = recomputed;
            }
        }
        if (firstMissing != null) {
            return inFlight ? ChainVerification.intact(checked) : ChainVerification.brokenAt(checked, firstMissing);
        }
        if (!Objects.equals(previousHash, head.getString(HASH))) {
            return ChainVerification.brokenAt(checked, headSequence);
        }
        return ChainVerification.intact(checked);
    }

    // ------------------------------------------------------------------------------------------------ reading documents

    private static Instant timestampOf(Document document) {
        return document.getDate(TIMESTAMP).toInstant();
    }

    private StoredEventData toTrackedEventData(Document document) {
        String eventId = document.getString(ID);
        String aggregateId = document.getString(AGGREGATE_IDENTIFIER);
        // An event published outside an aggregate is stored under its own identifier (as Axon's JDBC engine does).
        if (document.getString(AGGREGATE_TYPE) == null && eventId.equals(aggregateId)) {
            aggregateId = null;
        }
        return toEventData(document, eventId, aggregateId);
    }

    private static StoredEventData toEventData(Document document, String eventId, String aggregateId) {
        JsonNode payload = BsonJson.toJson(document.get(PAYLOAD));
        JsonNode metaData = BsonJson.toJson(document.get(META_DATA));
        return new StoredEventData(document.getString(AGGREGATE_TYPE), aggregateId, sequenceOf(document), eventId,
                                   timestampOf(document), document.getString(PAYLOAD_TYPE),
                                   document.getString(PAYLOAD_REVISION), payload, metaData);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** An event on its way in: serialized once, chained, then turned into its document. */
    private static final class PendingEvent {
        final EventMessage<?> message;
        final boolean domain;
        final String aggregateType;
        final String aggregateIdentifier;
        final long sequenceNumber;
        final String payloadType;
        final String payloadRevision;
        final Object payload;
        final Object metaData;
        String previousHash;
        String hash;

        private PendingEvent(EventMessage<?> message, Serializer serializer) {
            this.message = message;
            this.domain = message instanceof DomainEventMessage<?>;
            if (domain) {
                DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) message;
                this.aggregateType = domainEvent.getType();
                this.aggregateIdentifier = requireNonNull(domainEvent.getAggregateIdentifier(),
                                                          "aggregate identifier");
                this.sequenceNumber = domainEvent.getSequenceNumber();
            } else {
                this.aggregateType = null;
                this.aggregateIdentifier = message.getIdentifier();
                this.sequenceNumber = 0;
            }
            SerializedObject<String> serializedPayload;
            JsonNode payloadTree;
            JsonNode metaDataTree;
            try {
                serializedPayload = message.serializePayload(serializer, String.class);
                payloadTree = BsonJson.parse(serializedPayload.getData());
                metaDataTree = BsonJson.parse(message.serializeMetaData(serializer, String.class).getData());
            } catch (RuntimeException e) {
                throw new EventStoreException("Event " + message.getIdentifier() + " could not be serialized to "
                                                      + "JSON; this engine needs a JSON serializer (Jackson)", e);
            }
            this.payloadType = serializedPayload.getType().getName();
            this.payloadRevision = serializedPayload.getType().getRevision();
            this.payload = BsonJson.toBson(payloadTree);
            Object meta = BsonJson.toBson(metaDataTree);
            this.metaData = meta == null ? new Document() : meta;
        }

        static PendingEvent of(EventMessage<?> message, Serializer serializer) {
            return new PendingEvent(message, serializer);
        }

        String chain(String previous) {
            this.previousHash = previous;
            this.hash = EventHash.compute(previous, message.getIdentifier(), aggregateIdentifier, sequenceNumber,
                                          payloadType, payloadRevision, payload, metaData);
            return hash;
        }

        Document toDocument(long globalIndex, long appendFirstIndex) {
            return new Document(ID, message.getIdentifier())
                    .append(GLOBAL_INDEX, globalIndex)
                    .append(APPEND_FIRST_INDEX, appendFirstIndex)
                    .append(STREAM_KEY, streamKey(aggregateIdentifier, sequenceNumber))
                    .append(AGGREGATE_TYPE, aggregateType)
                    .append(AGGREGATE_IDENTIFIER, aggregateIdentifier)
                    .append(SEQUENCE_NUMBER, sequenceNumber)
                    .append(TIMESTAMP, Date.from(message.getTimestamp()))
                    .append(PAYLOAD_TYPE, payloadType)
                    .append(PAYLOAD_REVISION, payloadRevision)
                    .append(PAYLOAD, payload)
                    .append(META_DATA, metaData)
                    .append(PREVIOUS_HASH, previousHash)
                    .append(HASH, hash);
        }
    }

    /** A claimed head: {@code previous} is the head document before the claim, {@code null} if we created it. */
    private record Claim(String aggregateId, String newClaim, Document previous) {
    }

    /** Test seam: runs after global indexes are allocated, before the event documents are inserted. */
    @FunctionalInterface
    interface AppendHook {
        AppendHook NONE = globalIndexes -> {
        };

        void beforeInsert(List<Long> globalIndexes);
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

    /**
     * Builder. {@code database} is required. The event and snapshot serializers default to Jackson (payloads are
     * stored as JSON documents, so a JSON serializer is required); other defaults follow Axon's JDBC engine:
     * batch size 100, gap timeout 60 s, max gap offset 10,000, lowest global sequence 1, gap cleaning threshold 250.
     * The orphaned claim timeout defaults to 30 s and the clock to Axon's event clock.
     */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private int maxGapOffset = DEFAULT_MAX_GAP_OFFSET;
        private long lowestGlobalSequence = DEFAULT_LOWEST_GLOBAL_SEQUENCE;
        private int gapTimeout = DEFAULT_GAP_TIMEOUT;
        private int gapCleaningThreshold = DEFAULT_GAP_CLEANING_THRESHOLD;
        private Duration orphanedClaimTimeout = DEFAULT_ORPHANED_CLAIM_TIMEOUT;
        private Clock clock = new AxonClock();
        private AppendHook beforeInsertHook = AppendHook.NONE;

        protected Builder() {
            super.eventSerializer(JacksonSerializer.defaultSerializer());
            super.snapshotSerializer(JacksonSerializer.defaultSerializer());
        }

        public Builder database(MongoDatabase database) {
            assertNonNull(database, "The MongoDatabase may not be null");
            this.database = database;
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
        public Builder finalAggregateBatchPredicate(
                Predicate<List<? extends DomainEventData<?>>> finalAggregateBatchPredicate) {
            super.finalAggregateBatchPredicate(finalAggregateBatchPredicate);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        /** Gaps further than this below the token's index are forgotten (as in Axon's JDBC engine). */
        public Builder maxGapOffset(int maxGapOffset) {
            assertThat(maxGapOffset, n -> n > 0, "The maxGapOffset must be a positive number");
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        public Builder lowestGlobalSequence(long lowestGlobalSequence) {
            assertThat(lowestGlobalSequence, n -> n > 0, "The lowestGlobalSequence must be a positive number");
            this.lowestGlobalSequence = lowestGlobalSequence;
            return this;
        }

        /** Milliseconds after which an allocated index that stayed empty, with older events after it, is abandoned. */
        public Builder gapTimeout(int gapTimeout) {
            assertThat(gapTimeout, n -> n > 0, "The gapTimeout must be a positive number");
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** At most this many runs of gaps are examined for timeout per tracking batch (oldest first). */
        public Builder gapCleaningThreshold(int gapCleaningThreshold) {
            assertThat(gapCleaningThreshold, n -> n > 0, "The gapCleaningThreshold must be a positive number");
            this.gapCleaningThreshold = gapCleaningThreshold;
            return this;
        }

        /** How long a head may stay ahead of its stream before another writer may take it back. */
        public Builder orphanedClaimTimeout(Duration orphanedClaimTimeout) {
            assertThat(orphanedClaimTimeout, d -> d != null && !d.isNegative() && !d.isZero(),
                       "The orphanedClaimTimeout must be positive");
            this.orphanedClaimTimeout = orphanedClaimTimeout;
            return this;
        }

        /** Clock for gap timeouts and head claims; defaults to Axon's event clock. */
        public Builder clock(Clock clock) {
            assertNonNull(clock, "The Clock may not be null");
            this.clock = clock;
            return this;
        }

        Builder beforeInsertHook(AppendHook hook) {
            this.beforeInsertHook = requireNonNull(hook);
            return this;
        }

        public MongoEventStorageEngine build() {
            return new MongoEventStorageEngine(this);
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            assertNonNull(database, "The MongoDatabase is a hard requirement and should be provided");
        }
    }
}
