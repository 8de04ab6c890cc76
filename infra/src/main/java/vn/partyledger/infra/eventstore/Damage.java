package vn.partyledger.infra.eventstore;

/**
 * One thing wrong with the stored log, named by its kind and where it is (docs/log-proofs.md §6).
 *
 * @param kind     what is wrong
 * @param position the commit position where it shows; for a checkpoint, its last position
 * @param index    the event's index in that commit, when it concerns one event
 * @param detail   what was found, in words, naming the aggregate and sequence number or tree size concerned
 */
public record Damage(Kind kind, Long position, Integer index, String detail) {

    public enum Kind {
        /** An event's stored fields (payload, metadata or any other) no longer give its hash. */
        ALTERED,
        /** An event that was part of the log is gone (from its commit, or with its whole commit). */
        DELETED,
        /** An event that was never appended is in the log. */
        INSERTED,
        /** Two events changed places. */
        REORDERED,
        /** The log ends before what it once held: its newest events were cut. */
        TRUNCATED,
        /** A stored checkpoint is not the one recorded: its root, size, position or signature was changed. */
        REWRITTEN_CHECKPOINT,
        /** The log's first events no longer hash to the root of a checkpoint the auditor holds. */
        CHECKPOINT_MISMATCH
    }

    static Damage at(Kind kind, long position, int index, String detail) {
        return new Damage(kind, position, index, detail);
    }

    static Damage at(Kind kind, long position, String detail) {
        return new Damage(kind, position, null, detail);
    }
}
