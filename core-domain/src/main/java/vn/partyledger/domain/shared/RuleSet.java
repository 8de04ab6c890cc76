package vn.partyledger.domain.shared;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The implementing regulations of the Party Charter, each in force for a period. A decision is validated against the
 * rule set in force on its business date (docs/rules.md#s16): an admission decided in March 2025 was decided by a district
 * standing committee, one decided in August 2025 by a ward standing committee.
 */
public enum RuleSet {
    /** Decisions before QĐ 29 (from the Party's founding on 3 Feb 1930), keyed in from paper records. */
    BEFORE_QD29_2016(LocalDate.of(1930, 2, 3), LocalDate.of(2016, 7, 24)),
    QD29_2016(LocalDate.of(2016, 7, 25), LocalDate.of(2021, 7, 29)),
    QD24_2021(LocalDate.of(2021, 7, 30), LocalDate.of(2025, 1, 19)),
    QD232_2025(LocalDate.of(2025, 1, 20), LocalDate.of(2025, 6, 30)),
    QD294_2025(LocalDate.of(2025, 7, 1), null);

    private final LocalDate effectiveFrom;
    private final LocalDate effectiveTo;

    RuleSet(LocalDate effectiveFrom, LocalDate effectiveTo) {
        this.effectiveFrom = effectiveFrom;
        this.effectiveTo = effectiveTo;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    /** The last day in force, or null while it is the current rule set. */
    public LocalDate effectiveTo() {
        return effectiveTo;
    }

    /** True from 1 Jul 2025, when QĐ 294 removed the district level and wards took over its decisions. */
    public boolean withoutDistrictLevel() {
        return !effectiveFrom.isBefore(QD294_2025.effectiveFrom);
    }

    public static RuleSet inForceOn(LocalDate businessDate) {
        return Arrays.stream(values())
                .filter(r -> !businessDate.isBefore(r.effectiveFrom)
                        && (r.effectiveTo == null || !businessDate.isAfter(r.effectiveTo)))
                .findFirst()
                .orElseThrow(() -> ruleSetInForceOnBusinessDate(businessDate));
    }

    private static RuleViolation ruleSetInForceOnBusinessDate(LocalDate businessDate) {
        return new RuleViolation(Invariant.RULE_SET, "ruleSetInForceOnBusinessDate", "No rule set applies to "
                + businessDate + "; the Party was founded on " + BEFORE_QD29_2016.effectiveFrom + ".");
    }
}
