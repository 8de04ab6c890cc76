package vn.partyledger.infra.eventstore;

import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/**
 * Tracking reads and the tokens processors start from. The log is read commit position by commit position with
 * {@code $in} of the next positions; every allocated position ends up holding a commit or a tombstone, so the reader
 * never steps past an empty one: it waits there (returns what it has) until the position is filled, or seals it once
 * it has stayed empty for the seal timeout. No event is skipped, none delivered twice, and a commit's events arrive
 * together, in order.
 */
final class TrackingReader {

    /** Positions looked at per {@code $in} when searching for one still empty. */
    private static final int SCAN_WINDOW = 1_000;

    private final LogStore store;
    private final PositionSealer sealer;
    private final AtomicLong raisedTo = new AtomicLong();
    /**
     * About how many events the commits read last held. A window of positions is sized by it, because a batch is
     * counted in events: an import stores hundreds of events per commit, and a window of {@code batchSize} positions
     * would read a hundred times what the batch takes, and throw the rest away.
     */
    private volatile int eventsPerCommit = 1;

    TrackingReader(LogStore store, PositionSealer sealer) {
        this.store = store;
        this.sealer = sealer;
    }

    /** At least one whole commit after {@code token} when one is stored, up to about {@code batchSize} events. */
    List<TrackedEventData<?>> fetch(TrackingToken token, int batchSize) {
        LogPosition from = LogPosition.of(token);
        List<TrackedEventData<?>> batch = new ArrayList<>();
        follow(from.readsWholeCommit() ? from.commit() + 1 : from.commit(), batchSize, commit -> {
            int before = batch.size();
            addEvents(commit, from, batch);
            return batch.size() - before;
        });
        return batch;
    }

    /**
     * Hands each stored commit (tombstones included) from position {@code next} on to {@code take}, in order, until
     * {@code take} has counted about {@code batchSize} events; stops before an empty position still in flight and
     * seals one abandoned. Returns the position after the last one handed over or sealed.
     */
    long follow(long next, int batchSize, ToIntFunction<Document> take) {
        int taken = 0;
        long allocated = store.allocated();
        while (taken < batchSize && next <= allocated) {
            int width = Math.max(1, (batchSize - taken + eventsPerCommit - 1) / eventsPerCommit);
            List<Long> window = range(next, Math.min(allocated, next + width - 1));
            Map<Long, Document> commits = store.findCommits(window);
            if (!commits.isEmpty()) {
                eventsPerCommit = Math.max(1, commits.values().stream().mapToInt(commit -> CommitDocument.events(commit).size()).sum()
                                              / commits.size());
            }
            for (long position : window) {
                Document commit = commits.get(position);
                if (commit == null) {
                    PositionSealer.State state = sealer.empty(position);
                    if (state == PositionSealer.State.IN_FLIGHT) {
                        markFilledThrough(position - 1);
                        return position;
                    }
                    if (state == PositionSealer.State.COMMITTED) {
                        break;
                    }
                    next = position + 1;
                    continue;
                }
                sealer.filled(position);
                taken += take.applyAsInt(commit);
                next = position + 1;
                if (taken >= batchSize) {
                    break;
                }
            }
        }
        markFilledThrough(next - 1);
        return next;
    }

    private static void addEvents(Document commit, LogPosition from, List<TrackedEventData<?>> batch) {
        long position = CommitDocument.positionOf(commit);
        List<Document> events = CommitDocument.events(commit);
        for (int index = 0; index < events.size(); index++) {
            if (position == from.commit() && index <= from.index()) {
                continue;
            }
            batch.add(new TrackedDomainEventData<>(new LogPosition(position, index).token(),
                                                   CommitDocument.eventData(events.get(index))));
        }
    }

    /** Before the first commit: a processor starting here reads everything. */
    TrackingToken tail() {
        return LogPosition.endOf(0).token();
    }

    /**
     * After the last stored commit, but never past a position still in flight: an append acknowledged after the token
     * was made is delivered, even if its position is lower than one already stored. Positions up to the log's
     * filled-through mark need no look.
     */
    TrackingToken head() {
        long allocated = store.allocated();
        long lowestEmpty = lowestEmpty(store.filledThrough() + 1, allocated);
        return LogPosition.endOf(lowestEmpty == 0 ? allocated : lowestEmpty - 1).token();
    }

    /**
     * Just before the first event (in log order) whose timestamp is at or after {@code time}. Every commit records
     * the latest event time of the log up to itself (its time high-water mark, which only grows with the position),
     * so a binary search on it finds the first commit holding such an event, whatever the clocks of the nodes that
     * wrote the events. Tombstones are stepped over. No such event: the head.
     * <p>
     * A position below that commit that is still empty may belong to an append in flight whose event is at or after
     * {@code time} (its time is already in the high-water mark of every later commit): the token is never past the
     * lowest such position (looked for from the log's filled-through mark up). If that append's events turn out
     * earlier than {@code time}, they are delivered too: early, never lost.
     */
    TrackingToken at(Instant time) {
        long low = 1;
        long high = store.allocated();
        Document found = null;
        while (low <= high) {
            long middle = low + (high - low) / 2;
            Document commit = firstCommitFrom(middle, high);
            if (commit == null) {
                high = middle - 1;
                continue;
            }
            long position = CommitDocument.positionOf(commit);
            if (commit.getDate(CommitDocument.TIME_HIGH_WATER).toInstant().isBefore(time)) {
                low = position + 1;
            } else {
                found = commit;
                high = middle - 1;
            }
        }
        if (found == null) {
            return head();
        }
        long position = CommitDocument.positionOf(found);
        List<Document> events = CommitDocument.events(store.findCommits(List.of(position)).get(position));
        long lowestEmpty = lowestEmpty(store.filledThrough() + 1, position - 1);
        if (lowestEmpty > 0) {
            return LogPosition.endOf(lowestEmpty - 1).token();
        }
        for (int index = 0; index < events.size(); index++) {
            if (!events.get(index).getDate(CommitDocument.TIMESTAMP).toInstant().isBefore(time)) {
                return index == 0 ? LogPosition.endOf(position - 1).token()
                                  : new LogPosition(position, index - 1).token();
            }
        }
        return LogPosition.endOf(position).token();
    }

    /**
     * The lowest position from {@code from} to {@code to} holding nothing yet, 0 if none; what it finds filled below
     * that raises the log's filled-through mark, so the next look starts there.
     */
    private long lowestEmpty(long from, long to) {
        for (long start = from; start <= to; start += SCAN_WINDOW) {
            long end = Math.min(to, start + SCAN_WINDOW - 1);
            Map<Long, Document> filled = store.findCommitHeaders(range(start, end));
            for (long position = start; position <= end; position++) {
                if (!filled.containsKey(position)) {
                    markFilledThrough(position - 1);
                    return position;
                }
            }
        }
        markFilledThrough(to);
        return 0;
    }

    /** Raises the shared mark when it has moved on by a window's worth, so that few reads cost a write. */
    private void markFilledThrough(long position) {
        if (position - raisedTo.get() >= SCAN_WINDOW) {
            store.raiseFilledThrough(position);
            raisedTo.accumulateAndGet(position, Math::max);
        }
    }

    /** The header of the first commit (not a tombstone) from {@code from} to {@code limit}; reads no events. */
    private Document firstCommitFrom(long from, long limit) {
        int width = 16;
        for (long start = from; start <= limit; start += width, width = Math.min(width * 2, 1024)) {
            List<Long> window = range(start, Math.min(limit, start + width - 1));
            Map<Long, Document> headers = store.findCommitHeaders(window);
            for (long position : window) {
                Document header = headers.get(position);
                if (header != null && !CommitDocument.isTombstone(header)) {
                    return header;
                }
            }
        }
        return null;
    }

    private static List<Long> range(long from, long to) {
        List<Long> positions = new ArrayList<>();
        for (long position = from; position <= to; position++) {
            positions.add(position);
        }
        return positions;
    }
}
