package vn.partyledger.domain.member;

/**
 * Numbers of the admission rules that docs/rules.md#s20 makes configurable, with its defaults:
 * {@code CEREMONY_DEADLINE_WD} = 30 and {@code PROBATION_MONTHS} = 12.
 */
public record AdmissionPolicy(int ceremonyDeadlineWorkingDays, int probationMonths) {

    public static final AdmissionPolicy DEFAULTS = new AdmissionPolicy(30, 12);

    public AdmissionPolicy {
        if (ceremonyDeadlineWorkingDays < 1 || probationMonths < 1) {
            throw new IllegalArgumentException("admission policy numbers must be positive");
        }
    }
}
