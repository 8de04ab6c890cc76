package vn.partyledger.infra.eventstore;

import com.mongodb.MongoException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * How an append becomes visible: all at once, by one document insert, or never.
 * <ol>
 *     <li><b>Follow the streams.</b> For every aggregate whose first new event is not its first ever, the entry of the
 *     event just before must exist and its commit be stored: a stream never has a hole, and its hash chain links to
 *     that event.</li>
 *     <li><b>Allocate</b> the next commit position (a counter, never reused).</li>
 *     <li><b>Claim</b> one stream entry per aggregate event ({@code aggregateId/sequenceNumber}, unique), pointing at
 *     the position. A key already taken by a stored commit is a concurrency conflict; one whose position was sealed
 *     is void and is replaced; one whose commit is still in flight is a conflict until its position is sealed.</li>
 *     <li><b>Commit</b>: insert the commit document, holding every event, under the position. This single insert is
 *     the moment the append becomes visible to loads and to processors.</li>
 * </ol>
 * Anything that fails before the commit insert seals the position, so the entries already written are void and no
 * reader waits for the position. A commit insert whose reply is lost is resolved by sealing the position: if the
 * tombstone goes in, the commit was not stored; if it is refused, the position holds our commit. Nothing is ever
 * deleted. A writer that has held its position longer than {@code appendTimeLimit} gives it up rather than race the
 * readers who would seal it.
 */
final class AppendProtocol {

    private final LogStore store;
    private final PositionSealer sealer;
    private final Duration appendTimeLimit;
    private final Clock clock;
    private final LongSupplier nanoTime;

    AppendProtocol(LogStore store, PositionSealer sealer, Duration appendTimeLimit, Clock clock,
                   LongSupplier nanoTime) {
        this.store = store;
        this.sealer = sealer;
        this.appendTimeLimit = appendTimeLimit;
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    /** Appends the events as one commit, recording the caller's idempotency key (or null); returns its position. */
    long append(List<OutgoingEvent> events, String callerKey) {
        if (events.size() >= LogPosition.EVENTS_PER_COMMIT) {
            throw new IllegalArgumentException("an append holds at most " + (LogPosition.EVENTS_PER_COMMIT - 1)
                                                       + " events, not " + events.size());
        }
        Map<String, List<OutgoingEvent>> streams = byAggregate(events);
        Map<String, String> previousHashes = followStreams(streams);
        long started = nanoTime.getAsLong();
        LogStore.Allocation allocation = store.allocate(latestTimestamp(events).toInstant());
        long position = allocation.position();
        Document commit;
        try {
            place(events, position, previousHashes);
            claim(entriesOf(streams, position), position);
            if (nanoTime.getAsLong() - started > appendTimeLimit.toNanos()) {
                throw new AppendAbandonedException("append at position " + position + " took longer than "
                                                           + appendTimeLimit + " before its commit; nothing stored");
            }
            commit = CommitDocument.commit(position, UUID.randomUUID().toString(),
                                           CommitDocument.request(callerKey, position),
                                           Date.from(clock.instant()), Date.from(allocation.timeHighWater()), events);
        } catch (RuntimeException failure) {
            giveUp(position, failure);
            throw failure;
        }
        insertCommit(commit, position, callerKey);
        return position;
    }

    private static Map<String, List<OutgoingEvent>> byAggregate(List<OutgoingEvent> events) {
        Map<String, List<OutgoingEvent>> streams = new LinkedHashMap<>();
        for (OutgoingEvent event : events) {
            if (!event.inAggregate()) {
                continue;
            }
            List<OutgoingEvent> stream = streams.computeIfAbsent(event.aggregateIdentifier(), id -> new ArrayList<>());
            if (!stream.isEmpty() && stream.get(stream.size() - 1).sequenceNumber() + 1 != event.sequenceNumber()) {
                throw new StreamConflict(event.message(), "events of aggregate " + event.aggregateIdentifier()
                        + " in one append must have consecutive sequence numbers; "
                        + event.sequenceNumber() + " follows " + stream.get(stream.size() - 1).sequenceNumber());
            }
            stream.add(event);
        }
        return streams;
    }

    /** Step 1: the hash of each continued stream's last stored event; a stream that does not end there conflicts. */
    private Map<String, String> followStreams(Map<String, List<OutgoingEvent>> streams) {
        Map<String, OutgoingEvent> continuing = new HashMap<>();
        for (List<OutgoingEvent> stream : streams.values()) {
            OutgoingEvent first = stream.get(0);
            if (first.sequenceNumber() > 0) {
                continuing.put(StreamEntry.key(first.aggregateIdentifier(), first.sequenceNumber() - 1), first);
            }
        }
        Map<String, String> previousHashes = new HashMap<>();
        if (continuing.isEmpty()) {
            return previousHashes;
        }
        Map<String, Document> entries = store.findEntries(continuing.keySet());
        List<Long> positions = entries.values().stream().map(StreamEntry::positionOf).distinct().toList();
        Map<Long, Document> commits = store.findCommitHeaders(positions);
        continuing.forEach((key, first) -> {
            Document entry = entries.get(key);
            Document commit = entry == null ? null : commits.get(StreamEntry.positionOf(entry));
            if (commit == null || CommitDocument.isTombstone(commit)) {
                throw new StreamConflict(first.message(), "aggregate " + first.aggregateIdentifier()
                        + " has no stored event " + (first.sequenceNumber() - 1) + " for event "
                        + first.sequenceNumber() + " to follow");
            }
            previousHashes.put(first.aggregateIdentifier(), entry.getString(StreamEntry.HASH));
        });
        return previousHashes;
    }

    private static Date latestTimestamp(List<OutgoingEvent> events) {
        Date latest = events.get(0).timestamp();
        for (OutgoingEvent event : events) {
            if (event.timestamp().after(latest)) {
                latest = event.timestamp();
            }
        }
        return latest;
    }

    private static void place(List<OutgoingEvent> events, long position, Map<String, String> previousHashes) {
        Map<String, String> lastHash = new HashMap<>(previousHashes);
        for (int index = 0; index < events.size(); index++) {
            OutgoingEvent event = events.get(index);
            if (event.inAggregate()) {
                event.place(position, index, lastHash.get(event.aggregateIdentifier()));
                lastHash.put(event.aggregateIdentifier(), event.hash());
            } else {
                event.place(position, index, null);
            }
        }
    }

    private static List<Claim> entriesOf(Map<String, List<OutgoingEvent>> streams, long position) {
        List<Claim> claims = new ArrayList<>();
        streams.values().forEach(stream -> stream.forEach(
                event -> claims.add(new Claim(event, StreamEntry.of(event, position)))));
        return claims;
    }

    /** Step 3: insert the entries in order; a taken key is resolved, then the rest is inserted. */
    private void claim(List<Claim> claims, long position) {
        int from = 0;
        while (from < claims.size()) {
            try {
                store.insertEntries(claims.subList(from, claims.size()).stream().map(Claim::entry).toList());
                return;
            } catch (MongoException e) {
                if (!DuplicateKey.is(e)) {
                    throw e;
                }
                int taken = from + Math.max(0, DuplicateKey.indexIn(e));
                takeOver(claims.get(taken), position);
                from = taken + 1;
            }
        }
    }

    /** A claimed key: ours from an attempt whose reply was lost, void (replace it), or another writer's (conflict). */
    private void takeOver(Claim claim, long position) {
        String key = claim.entry().getString(StreamEntry.ID);
        while (true) {
            Document existing = store.findEntries(List.of(key)).get(key);
            if (existing == null) {
                throw new StreamConflict(claim.event().message(),
                                         "event identifier " + claim.event().eventIdentifier() + " is already stored");
            }
            long holder = StreamEntry.positionOf(existing);
            if (holder == position) {
                return;
            }
            if (heldBy(holder) != PositionSealer.State.SEALED) {
                throw new StreamConflict(claim.event().message(), "aggregate " + claim.event().aggregateIdentifier()
                        + " already has an event " + claim.event().sequenceNumber() + " (commit " + holder + ")");
            }
            if (store.replaceVoidEntry(key, holder, claim.entry())) {
                return;
            }
        }
    }

    private PositionSealer.State heldBy(long position) {
        Document commit = store.findCommitHeaders(List.of(position)).get(position);
        if (commit == null) {
            return sealer.empty(position);
        }
        sealer.filled(position);
        return CommitDocument.isTombstone(commit) ? PositionSealer.State.SEALED : PositionSealer.State.COMMITTED;
    }

    /** Step 4. */
    private void insertCommit(Document commit, long position, String callerKey) {
        try {
            store.insertCommit(commit);
            return;
        } catch (RuntimeException e) {
            // not only MongoException: the driver refuses a commit over the document size limit with a
            // BsonMaximumSizeExceededException before sending it; the position must be sealed all the same
            resolve(commit, position, callerKey, e);
        }
    }

    /**
     * The insert failed or its reply was lost: sealing our own position tells which. The position was allocated to us
     * alone, so a commit found there is ours.
     */
    private void resolve(Document commit, long position, String callerKey, RuntimeException failure) {
        PositionSealer.State state;
        try {
            state = sealer.seal(position);
        } catch (MongoException unreachable) {
            unreachable.addSuppressed(failure);
            throw new AppendOutcomeUnknownException("commit at position " + position + " may or may not be stored: "
                                                            + "the database could not be asked", unreachable);
        }
        if (state == PositionSealer.State.COMMITTED) {
            return;
        }
        if (DuplicateKey.is(failure)) {
            Document holder = store.findCommitByRequest(commit.getString(CommitDocument.REQUEST));
            if (holder != null && !commit.getString(CommitDocument.COMMIT_ID)
                                         .equals(holder.getString(CommitDocument.COMMIT_ID))) {
                throw new DuplicateRequestException(callerKey);
            }
        }
        if (!(failure instanceof MongoException)) {
            // refused before it reached the database (too large, not encodable): running it again cannot help
            throw new EventStoreException("commit at position " + position + " was not stored ("
                                                  + failure.getMessage() + "); its position is sealed", failure);
        }
        throw new AppendAbandonedException("commit at position " + position + " was not stored ("
                                                   + failure.getMessage() + "); its position is sealed");
    }

    private void giveUp(long position, RuntimeException failure) {
        try {
            sealer.seal(position);
        } catch (RuntimeException sealFailed) {
            // readers seal the position after their timeout; the original failure is what the caller must see
            failure.addSuppressed(sealFailed);
        }
    }

    private record Claim(OutgoingEvent event, Document entry) {
    }
}
