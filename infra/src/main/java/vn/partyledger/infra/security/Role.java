package vn.partyledger.infra.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a user may do, the organisation they act for saying where (docs/permissions.md, ADR 0021). A role unknown to
 * this list, such as an unexpected JWT claim, may do nothing.
 */
public enum Role {

    /** Records the decisions of one branch and the entries it keeps; reads its roster. */
    BRANCH_SECRETARY(false),
    /** Records the organising decisions of a committee for its own organisation and everything below it. */
    ORGANISATION_BOARD(false),
    /** An inspection commission: reads everything, writes nothing; its access ends on a configured date. */
    AUDITOR(true),
    /** Reads the access audit of the whole deployment: no domain reads or writes. */
    SECURITY_OFFICER(true),
    /**
     * Operates the service (rebuilds, restarts): no domain reads or decisions. What it may do concerns the whole
     * deployment, not one organisation's records.
     */
    ADMINISTRATOR(true),
    /**
     * Another province's system, as the inbound integration sends its messages' commands (ADR 0045): records what a
     * province addresses to this one, for whichever of its branches the message names; nothing else. No user is
     * configured with it.
     */
    PROVINCIAL_SYSTEM(true);

    private final boolean readsEveryOrganisation;

    Role(boolean readsEveryOrganisation) {
        this.readsEveryOrganisation = readsEveryOrganisation;
    }

    /**
     * Whether what the role may send reaches every organisation of the tree, whatever the organisation it acts for:
     * for a reader, its reads; for the administrator, its operations on the service.
     */
    public boolean readsEveryOrganisation() {
        return readsEveryOrganisation;
    }

    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }
}
