package vn.partyledger.domain.discipline;

/**
 * Numbers of the leaving and discipline rules that docs/rules.md#s20 makes configurable, with its defaults:
 * {@code STRIKE_OFF_MONTH_COUNT} = 3 (within a calendar year), {@code APPEAL_WD_STRIKE_OFF} = 30 working days and
 * {@code APPEAL_DISCIPLINE} = 1 month, and {@code DISCIPLINE_EFFECT_MONTHS} = 12: a discipline without a new violation
 * stops having effect that many months after its effective date [U].
 */
public record DisciplinePolicy(int strikeOffMonthCount, int strikeOffAppealWorkingDays, int disciplineAppealMonths,
                               int disciplineEffectMonths) {

    public static final DisciplinePolicy DEFAULTS = new DisciplinePolicy(3, 30, 1, 12);

    public DisciplinePolicy {
        if (strikeOffMonthCount < 1 || strikeOffAppealWorkingDays < 1 || disciplineAppealMonths < 1
                || disciplineEffectMonths < 1) {
            throw new IllegalArgumentException("discipline policy numbers must be positive");
        }
    }
}
