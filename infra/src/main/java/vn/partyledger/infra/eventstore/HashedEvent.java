package vn.partyledger.infra.eventstore;

/**
 * An event as the log holds it for a Merkle tree over the log: where it stands and the hash stored with it
 * (docs/event-hash.md), which covers every field stored for the event, its position and its index included.
 *
 * @param position            its commit's position
 * @param index               its place in the commit, from 0
 * @param eventIdentifier     the event's id
 * @param aggregateIdentifier its aggregate, null for an event outside any
 * @param sequenceNumber      its sequence number in the aggregate's stream, null outside any
 * @param hash                the stored hash, 64 lower-case hex digits
 */
public record HashedEvent(long position, int index, String eventIdentifier, String aggregateIdentifier,
                          Long sequenceNumber, String hash) {
}
