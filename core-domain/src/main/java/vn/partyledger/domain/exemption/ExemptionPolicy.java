package vn.partyledger.domain.exemption;

/**
 * Numbers of the exemption rules that docs/rules.md#s20 makes configurable, with its defaults:
 * {@code EXEMPTION_ALLOW_PROBATIONARY} = false and {@code TEMP_EXEMPTION_MAX_MONTHS} = 12.
 */
public record ExemptionPolicy(boolean allowProbationary, int temporaryExemptionMaxMonths) {

    public static final ExemptionPolicy DEFAULTS = new ExemptionPolicy(false, 12);

    public ExemptionPolicy {
        if (temporaryExemptionMaxMonths < 1) {
            throw new IllegalArgumentException("the temporary exemption maximum must be positive");
        }
    }
}
