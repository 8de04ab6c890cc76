package vn.partyledger.infra.eventstore;

/**
 * Outcome of verifying the whole log ({@link MongoEventStorageEngine#verifyLog()}).
 *
 * @param valid               every commit and every event verifies and every stream links up
 * @param commitsChecked      commits read and recomputed (tombstones not counted)
 * @param eventsChecked       events read and recomputed
 * @param firstBrokenPosition the commit position of the first failure; {@code null} when valid
 * @param problem             what failed there; {@code null} when valid
 */
public record LogVerification(boolean valid, long commitsChecked, long eventsChecked, Long firstBrokenPosition,
                              String problem) {
}
