package vn.partyledger.infra.eventstore;

/** A stored commit whose hashes no longer match its content: it was altered after it was appended. */
public class LogDamaged extends RuntimeException {

    private final long position;

    LogDamaged(long position) {
        super("the commit at position " + position + " does not match its hashes: it was altered after it was stored");
        this.position = position;
    }

    public long position() {
        return position;
    }
}
