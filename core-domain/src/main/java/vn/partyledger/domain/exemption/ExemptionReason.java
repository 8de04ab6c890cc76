package vn.partyledger.domain.exemption;

/** Why a member is exempted (docs/rules.md#s17-6 {@code reasonCode}). */
public enum ExemptionReason {
    ADVANCED_AGE_POOR_HEALTH,
    LONG_ILLNESS,
    WORKING_AWAY,
    MOBILE_WORK,
    NO_PARTY_ORG_AT_WORKPLACE,
    AWAITING_RETIREMENT,
    OTHER;

    /**
     * The member is away from the locality (work, mobile job, no party organisation there): HD 01 §10.3 allows a
     * temporary exemption for less than twelve months; a longer absence must become a transfer.
     */
    public boolean isAwayFromTheLocality() {
        return this == WORKING_AWAY || this == MOBILE_WORK || this == NO_PARTY_ORG_AT_WORKPLACE;
    }
}
