package vn.partyledger.domain.badge;

import vn.partyledger.domain.discipline.DisciplineForm;

import java.time.MonthDay;
import java.util.List;
import java.util.Set;

/**
 * Numbers of the badge rules that docs/rules.md#s20 makes configurable, with its defaults: {@code BADGE_LEVELS}
 * 30, 40, 45 … 90; {@code BADGE_OCCASIONS} 02-03, 05-19, 09-02, 11-07; {@code BADGE_EARLY_MAX_MONTHS} 12 for the
 * levels below {@code longEarlyFromLevel} (70), 24 from it, and 12 for a posthumous award;
 * {@code BADGE_DISCIPLINE_DEFERRAL_MONTHS} 6 after a reprimand, 9 after a warning, 12 after dismissal from a post;
 * and {@code decisionLeadMonths}, how long before its occasion a badge may be decided: 6 by default, since each
 * anniversary has its own round, decided by the provincial standing committee in the run-up to it, and the longest gap
 * between two anniversaries (3 February to 19 May) is three and a half months.
 */
public record BadgePolicy(List<Integer> levels,
                          Set<MonthDay> occasions,
                          int illnessEarlyMonths,
                          int longEarlyFromLevel,
                          int illnessEarlyMonthsFromLongLevel,
                          int posthumousEarlyMonths,
                          int reprimandDeferralMonths,
                          int warningDeferralMonths,
                          int dismissalDeferralMonths,
                          int decisionLeadMonths) {

    public static final BadgePolicy DEFAULTS = new BadgePolicy(List.of(30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90),
            Set.of(MonthDay.of(2, 3), MonthDay.of(5, 19), MonthDay.of(9, 2), MonthDay.of(11, 7)), 12, 70, 24, 12,
            6, 9, 12, 6);

    public BadgePolicy {
        levels = List.copyOf(levels);
        occasions = Set.copyOf(occasions);
        if (illnessEarlyMonths < 0 || illnessEarlyMonthsFromLongLevel < 0 || posthumousEarlyMonths < 0) {
            throw new IllegalArgumentException("early-award months cannot be negative");
        }
        if (reprimandDeferralMonths < 0 || warningDeferralMonths < 0 || dismissalDeferralMonths < 0) {
            throw new IllegalArgumentException("discipline deferral months cannot be negative");
        }
        if (decisionLeadMonths < 0) {
            throw new IllegalArgumentException("decision lead months cannot be negative");
        }
    }

    /** Months after a discipline's effective date before a disciplined member may be considered for a badge. */
    public int deferralMonthsAfter(DisciplineForm form) {
        return switch (form) {
            case REPRIMAND -> reprimandDeferralMonths;
            case WARNING -> warningDeferralMonths;
            case DISMISSAL -> dismissalDeferralMonths;
            case EXPULSION -> throw new IllegalArgumentException("an expelled member is not considered for a badge");
        };
    }

    /** How many months before reaching {@code level} the award may come on the stated ground; 0 when none. */
    public int earlyMonthsAllowed(int level, boolean seriousIllness, boolean posthumous) {
        if (posthumous) {
            return posthumousEarlyMonths;
        }
        if (seriousIllness) {
            return level >= longEarlyFromLevel ? illnessEarlyMonthsFromLongLevel : illnessEarlyMonths;
        }
        return 0;
    }
}
