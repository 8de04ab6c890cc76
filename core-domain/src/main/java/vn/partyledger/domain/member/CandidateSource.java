package vn.partyledger.domain.member;

/** Where an outstanding candidate was found (docs/rules.md#s5-1 step 1; seed 001's target groups). */
public enum CandidateSource {
    YOUTH_UNION,
    TRADE_UNION,
    MASS_ORG,
    RESIDENT,
    DEMOBILISED,
    RELIGIOUS_BELIEVER,
    OTHER
}
