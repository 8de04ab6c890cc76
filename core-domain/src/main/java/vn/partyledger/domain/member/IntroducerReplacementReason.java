package vn.partyledger.domain.member;

/**
 * Why the branch assigns another introducer (QĐ 24 §3.2): the replacement need not have known the candidate 12 months.
 */
public enum IntroducerReplacementReason {
    TRANSFERRED,
    DISCIPLINED,
    UNABLE_TO_CONTINUE
}
