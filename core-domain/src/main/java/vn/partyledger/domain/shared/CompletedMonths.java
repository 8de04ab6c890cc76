package vn.partyledger.domain.shared;

import java.time.LocalDate;

/**
 * Ages and periods in completed calendar months (domain.md §16), the one convention for them: {@code n} months are
 * completed on the day {@code from.plusMonths(n)} is reached, the same arithmetic that ends a 12-month probation. So
 * someone born on 31 January has completed a month on the last day of February.
 */
public final class CompletedMonths {

    private CompletedMonths() {
    }

    public static int between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return 0;
        }
        int months = Math.toIntExact(java.time.temporal.ChronoUnit.MONTHS.between(from, to));
        // ChronoUnit counts a month only once the day of month is reached again, which a short month may never do.
        return from.plusMonths(months + 1L).isAfter(to) ? months : months + 1;
    }
}
