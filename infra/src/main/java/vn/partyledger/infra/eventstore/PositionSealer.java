package vn.partyledger.infra.eventstore;

import com.mongodb.MongoException;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Decides when an allocated but empty commit position may be given up on, and gives it up by writing a tombstone
 * under the position's own key. Either the writer's commit or the tombstone is stored, never both, so no reader skips
 * a commit that is stored later and no writer is acknowledged for a commit that readers have passed over.
 * <p>
 * "Empty for long enough" is measured on this process's monotonic clock from the first time it saw the position
 * empty, never from a time another node wrote: clocks of different nodes may disagree, elapsed time here cannot.
 */
final class PositionSealer {

    /** What a position holds once the sealer has looked at it. */
    enum State { COMMITTED, SEALED, IN_FLIGHT }

    private final LogStore store;
    private final Duration sealAfter;
    private final Clock wallClock;
    private final LongSupplier nanoTime;
    private final Map<Long, Long> firstSeenEmpty = new ConcurrentHashMap<>();

    PositionSealer(LogStore store, Duration sealAfter, Clock wallClock, LongSupplier nanoTime) {
        this.store = store;
        this.sealAfter = sealAfter;
        this.wallClock = wallClock;
        this.nanoTime = nanoTime;
    }

    /**
     * Called when {@code position} was found empty although allocated: seals it once it has stayed empty for
     * {@code sealAfter} as seen from here, and says what it now holds.
     */
    State empty(long position) {
        long now = nanoTime.getAsLong();
        long since = firstSeenEmpty.computeIfAbsent(position, p -> now);
        if (now - since < sealAfter.toNanos()) {
            return State.IN_FLIGHT;
        }
        return seal(position);
    }

    /** Seals the position now (a writer giving up its own position); says what the position holds afterwards. */
    State seal(long position) {
        try {
            store.insertTombstone(CommitDocument.tombstone(position, Date.from(wallClock.instant())));
            firstSeenEmpty.remove(position);
            return State.SEALED;
        } catch (MongoException e) {
            if (!DuplicateKey.is(e)) {
                throw e;
            }
        }
        firstSeenEmpty.remove(position);
        Document filled = store.findCommitHeaders(java.util.List.of(position)).get(position);
        if (filled == null) {
            // the refused key was not the position's own: never answer COMMITTED for a position that is empty
            throw new IllegalStateException("the tombstone of position " + position + " was refused as a duplicate, "
                                                    + "but the position holds nothing");
        }
        return CommitDocument.isTombstone(filled) ? State.SEALED : State.COMMITTED;
    }

    /** The position was found filled: forget when it was first seen empty. */
    void filled(long position) {
        firstSeenEmpty.remove(position);
    }
}
