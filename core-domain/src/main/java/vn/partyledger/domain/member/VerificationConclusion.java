package vn.partyledger.domain.member;

/** The outcome of background verification; only a BLOCKING conclusion stops the branch vote (I5). */
public enum VerificationConclusion {
    CLEAR,
    ISSUES_RESOLVED,
    BLOCKING
}
