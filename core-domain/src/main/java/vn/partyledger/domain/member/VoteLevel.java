package vn.partyledger.domain.member;

/** Where a recognition vote was held: the member's branch, or the grassroots committee above a subordinate branch. */
public enum VoteLevel {
    BRANCH,
    COMMITTEE
}
