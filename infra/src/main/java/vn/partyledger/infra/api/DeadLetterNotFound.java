package vn.partyledger.infra.api;

/** Asked to retry a dead letter the dead-letter topic does not hold. */
class DeadLetterNotFound extends RuntimeException {

    DeadLetterNotFound(String ceId) {
        super("No dead letter with ce_id " + ceId + " is on the dead-letter topic.");
    }
}
