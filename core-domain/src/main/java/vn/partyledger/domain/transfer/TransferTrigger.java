package vn.partyledger.domain.transfer;

/** What made the member move (docs/rules.md#s9-1–§9.2). */
public enum TransferTrigger {
    WORKPLACE_CHANGE,
    RESIDENCE_CHANGE,
    STUDY,
    RETIREMENT,
    LOSS_OF_WORKING_CAPACITY,
    LEFT_JOB,
    DEMOBILISATION
}
