package vn.partyledger.domain.roster;

/** A post in the branch's leadership on the roster's date, as its election of the term then running named it. */
public enum Position {
    SECRETARY,
    DEPUTY_SECRETARY,
    COMMITTEE_MEMBER
}
