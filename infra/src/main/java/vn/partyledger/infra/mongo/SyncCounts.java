package vn.partyledger.infra.mongo;

/**
 * How many writes the embedded store made durable and with how many disk syncs; group commit keeps {@code syncs} well
 * below {@code writes} under concurrent load.
 */
public record SyncCounts(long writes, long syncs) {
}
