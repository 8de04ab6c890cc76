package vn.partyledger.infra.eventstore;

/** Receives every event of the log in log order with its hash recomputed from what is stored now. */
@FunctionalInterface
public interface LeafSink {
    void leaf(long position, int index, String recomputedHash);
}
