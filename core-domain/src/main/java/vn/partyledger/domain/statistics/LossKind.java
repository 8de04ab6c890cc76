package vn.partyledger.domain.statistics;

/** How a member left an organisation's rolls (domain.md §14, losses). */
public enum LossKind {
    DEATH,
    /** Struck off on any ground but a voluntary exit, which is counted apart. */
    STRIKE_OFF,
    VOLUNTARY_EXIT,
    /** Struck off the probationary list. */
    PROBATIONARY_STRIKE_OFF,
    EXPULSION,
    /** An official transfer completed to an organisation outside the one counted. */
    TRANSFER_OUT
}
