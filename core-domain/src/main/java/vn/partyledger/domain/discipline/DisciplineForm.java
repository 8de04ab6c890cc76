package vn.partyledger.domain.discipline;

/** Forms of discipline for a member (docs/rules.md#s10-3), mildest first. */
public enum DisciplineForm {
    REPRIMAND,
    WARNING,
    DISMISSAL,
    EXPULSION;

    /** Reprimand and warning: what a branch may decide, and all a probationary member can receive (I12). */
    public boolean isMild() {
        return this == REPRIMAND || this == WARNING;
    }
}
