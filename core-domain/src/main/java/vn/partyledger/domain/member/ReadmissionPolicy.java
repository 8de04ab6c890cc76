package vn.partyledger.domain.member;

/**
 * Numbers of the re-admission rule (I25) that docs/rules.md#s20 makes configurable, with its defaults:
 * {@code READMISSION_MIN_MONTHS} = 36 out of the Party, and {@code READMISSION_AFTER_EXPUNGEMENT_MONTHS} = 60 after a
 * conviction for a less-serious offence was expunged.
 */
public record ReadmissionPolicy(int minMonthsOut, int monthsAfterExpungement) {

    public static final ReadmissionPolicy DEFAULTS = new ReadmissionPolicy(36, 60);

    public ReadmissionPolicy {
        if (minMonthsOut < 0 || monthsAfterExpungement < 0) {
            throw new IllegalArgumentException("re-admission waiting periods cannot be negative");
        }
    }
}
