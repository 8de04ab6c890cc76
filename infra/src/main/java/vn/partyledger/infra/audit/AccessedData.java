package vn.partyledger.infra.audit;

/** What was read. Member timelines and exports join this list when they exist. */
public enum AccessedData {
    /** A person's entry in the register. */
    PERSONAL_DATA,
    /** A member's name on a roster line, asked for with the roster. */
    NAME_ON_ROSTER
}
