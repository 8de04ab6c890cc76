package vn.partyledger.infra.eventstore;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Where an event stands in the log: the position of its commit (one document per append, numbered 1, 2, 3, … with
 * no position ever left empty) and its index inside that commit.
 * <p>
 * Axon tracks processors with one number per event, so the pair is carried in a {@link GlobalSequenceTrackingToken}
 * as {@code commit × 1,000,000 + index}: token 3000017 is the 18th event of commit 3, readable by an operator who
 * looks into the token store. "Everything up to and including commit p" is {@code p × 1,000,000 + 999,999}. An
 * append therefore holds at most {@value #EVENTS_PER_COMMIT} events.
 */
record LogPosition(long commit, int index) {

    static final int EVENTS_PER_COMMIT = 1_000_000;

    LogPosition {
        if (commit < 0 || index < 0 || index >= EVENTS_PER_COMMIT) {
            throw new IllegalArgumentException("no such log position: commit " + commit + ", index " + index);
        }
    }

    /** The position after which everything of commit {@code commit} and before has been read. */
    static LogPosition endOf(long commit) {
        return new LogPosition(commit, EVENTS_PER_COMMIT - 1);
    }

    static LogPosition of(TrackingToken token) {
        if (token == null) {
            return endOf(0);
        }
        if (!(token instanceof GlobalSequenceTrackingToken global)) {
            throw new IllegalArgumentException("Token [" + token + "] is of the wrong type. Expected ["
                                                       + GlobalSequenceTrackingToken.class.getSimpleName() + "]");
        }
        long value = global.getGlobalIndex();
        return new LogPosition(value / EVENTS_PER_COMMIT, (int) (value % EVENTS_PER_COMMIT));
    }

    /** The position a tracking processor reaches with the last of the {@code events} events of commit {@code commit}. */
    static long lastOf(long commit, int events) {
        return commit * EVENTS_PER_COMMIT + Math.max(0, events - 1);
    }

    TrackingToken token() {
        return new GlobalSequenceTrackingToken(commit * EVENTS_PER_COMMIT + index);
    }

    /** The first event not yet read after this position is at {@code index + 1} of this commit, or in a later one. */
    boolean readsWholeCommit() {
        return index == EVENTS_PER_COMMIT - 1;
    }
}
