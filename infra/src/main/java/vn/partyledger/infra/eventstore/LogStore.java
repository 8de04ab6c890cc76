package vn.partyledger.infra.eventstore;

import org.bson.Document;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Every call the log makes to the database, one method per step of an append or a read, each a single key-lookup
 * or single-document write. Kept this narrow so that the whole protocol can be tried against a database that stalls,
 * fails, loses a reply or dies at any one step (the fault-injection tests wrap this interface).
 */
interface LogStore {

    /** Allocates the next commit position and folds the append's latest event time into the time high-water mark. */
    Allocation allocate(Instant latestEventTime);

    /** The highest commit position allocated so far (0 for an empty log). */
    long allocated();

    /**
     * The highest position up to which every position is known to hold a commit or a tombstone (0 at first): a low
     * water mark below which no append can be in flight, so that tokens need not look further back for one.
     */
    long filledThrough();

    /**
     * About how many events the log holds: its stream entries (one per event) as the database counts them, without a
     * scan, with those of the few appends that never became part of the log. For a rebuild's progress (ADR 0037), not
     * for any decision.
     */
    long storedEvents();

    /** Raises the filled-through mark to {@code position} (never lowers it). */
    void raiseFilledThrough(long position);

    /** Stream entries by key ({@code aggregateId/sequenceNumber}); absent keys are missing from the map. */
    Map<String, Document> findEntries(Collection<String> keys);

    /** Inserts stream entries in order; a duplicate key stops the insert at that entry. */
    void insertEntries(List<Document> entries);

    /** Replaces an entry whose commit position was sealed; false if it no longer points there. */
    boolean replaceVoidEntry(String key, long sealedPosition, Document entry);

    /** Commits and tombstones by position. */
    Map<Long, Document> findCommits(Collection<Long> positions);

    /**
     * Commits and tombstones by position, each commit with only the first of its events of {@code aggregateIdentifier}
     * (none when it holds none) and no other field but its position: for a load of one aggregate (ADR 0071).
     */
    Map<Long, Document> findCommitsWithFirstEventOf(Collection<Long> positions, String aggregateIdentifier);

    /** Only whether each position holds a commit or a tombstone, its commit id and time high-water (no events). */
    Map<Long, Document> findCommitHeaders(Collection<Long> positions);

    /** Stores a commit under its position; a duplicate key means the position or the request is taken. */
    void insertCommit(Document commit);

    /** Seals a position with a tombstone; a duplicate key means the position is already filled. */
    void insertTombstone(Document tombstone);

    /** The commit that recorded the request with this key, or null. */
    Document findCommitByRequest(String requestKey);

    /** A commit position and the time high-water mark of the log up to and including it. */
    record Allocation(long position, Instant timeHighWater) {
    }
}
