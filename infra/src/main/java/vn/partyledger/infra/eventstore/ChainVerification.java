package vn.partyledger.infra.eventstore;

/**
 * Outcome of {@link MongoEventStorageEngine#verifyChain(String)}.
 *
 * @param valid                 {@code true} when every stored event's hash matches its recomputed value and links
 *                              to its predecessor's hash
 * @param eventsChecked         how many events of the stream were read and recomputed
 * @param firstBrokenSequence   the sequence number of the first event whose link or hash does not match (or that is
 *                              missing while a later one exists); {@code null} when the chain is valid
 */
public record ChainVerification(boolean valid, long eventsChecked, Long firstBrokenSequence) {

    static ChainVerification intact(long eventsChecked) {
        return new ChainVerification(true, eventsChecked, null);
    }

    static ChainVerification brokenAt(long eventsChecked, long sequenceNumber) {
        return new ChainVerification(false, eventsChecked, sequenceNumber);
    }
}
