package vn.partyledger.infra.eventstore;

/**
 * Outcome of verifying one aggregate's hash chain ({@link MongoEventStorageEngine#verifyChain(String)}).
 *
 * @param valid               every stored event's hash matches its recomputed value, links to its predecessor's
 *                            hash, and its commit's hash matches
 * @param eventsChecked       how many events of the stream were read and recomputed
 * @param firstBrokenSequence the sequence number of the first event that does not verify; {@code null} when valid
 */
public record ChainVerification(boolean valid, long eventsChecked, Long firstBrokenSequence) {

    static ChainVerification intact(long eventsChecked) {
        return new ChainVerification(true, eventsChecked, null);
    }

    static ChainVerification brokenAt(long eventsChecked, long sequenceNumber) {
        return new ChainVerification(false, eventsChecked, sequenceNumber);
    }
}
