package vn.partyledger.domain.member;

/**
 * General education completed, in order; a candidate needs at least lower secondary unless an exception is consented.
 */
public enum EducationLevel {
    NONE,
    PRIMARY,
    LOWER_SECONDARY,
    UPPER_SECONDARY;

    public boolean atLeast(EducationLevel level) {
        return compareTo(level) >= 0;
    }
}
