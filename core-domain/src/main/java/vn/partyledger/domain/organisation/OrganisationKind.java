package vn.partyledger.domain.organisation;

/** The role an organisation plays in the tree (docs/rules.md#s3-1); levels are roles, not hard-coded depths. */
public enum OrganisationKind {
    CENTRAL,
    PROVINCIAL,
    SECTOR,
    COMMUNE_LEVEL,
    GRASSROOTS_COMMITTEE,
    GRASSROOTS_BRANCH,
    SUB_COMMITTEE,
    SUBORDINATE_BRANCH,
    PARTY_GROUP;

    /**
     * Charter Art. 21.2: a party organisation is formed where there are at least this many full members, and one with
     * fewer has its members attached elsewhere by the superior committee. Verified [V], so not a policy key.
     */
    public static final int MIN_FULL_MEMBERS = 3;

    /** A branch (chi bộ) is where members meet and are on the roll: only branches have a branch type and a roster. */
    public boolean isBranch() {
        return this == GRASSROOTS_BRANCH || this == SUBORDINATE_BRANCH;
    }

    /** Charter Art. 21.2 asks for {@link #MIN_FULL_MEMBERS} full members of a branch or grassroots organisation. */
    public boolean needsFoundingMembers() {
        return isBranch() || this == GRASSROOTS_COMMITTEE;
    }
}
