package vn.partyledger.domain.statistics;

/** Where an official transfer out went, seen from the organisation that lost the member. */
public enum TransferDestination {
    /** Another organisation of the same province (or of the same root, in a tree without provinces). */
    SAME_PROVINCE,
    OTHER_PROVINCE
}
