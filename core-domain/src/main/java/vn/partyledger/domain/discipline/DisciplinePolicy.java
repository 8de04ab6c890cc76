package vn.partyledger.domain.discipline;

/**
 * Numbers of the leaving and discipline rules that domain.md §20 makes configurable, with its defaults:
 * {@code STRIKE_OFF_MONTH_COUNT} = 3 (within a calendar year), {@code APPEAL_WD_STRIKE_OFF} = 30 working days and
 * {@code APPEAL_DISCIPLINE} = 1 month.
 */
public record DisciplinePolicy(int strikeOffMonthCount, int strikeOffAppealWorkingDays, int disciplineAppealMonths) {

    public static final DisciplinePolicy DEFAULTS = new DisciplinePolicy(3, 30, 1);

    public DisciplinePolicy {
        if (strikeOffMonthCount < 1 || strikeOffAppealWorkingDays < 1 || disciplineAppealMonths < 1) {
            throw new IllegalArgumentException("the strike-off month count and the appeal periods must be positive");
        }
    }
}
