package vn.partyledger.domain.member;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Party age (docs/rules.md#s7-1): counted from the first admission decision, minus every period the member did not take
 * part in party life. {@code partyAge(asOf) = (asOf − admissionDecisionDate) − Σ gaps ∩ [admissionDecisionDate, asOf]},
 * in days, rendered in full years; a member "has N years" on the first date the computed age reaches N years.
 */
public record PartyAge(LocalDate admissionDecisionDate, List<Gap> gaps) {

    /**
     * A period without party age, from {@code from} up to (not including) {@code until}; {@code until} is null while
     * the gap is still open (the member has not come back yet).
     */
    public record Gap(LocalDate from, LocalDate until) {

        public Gap {
            Objects.requireNonNull(from, "from");
            if (until != null && until.isBefore(from)) {
                throw new IllegalArgumentException("a gap cannot end on " + until + " before it starts on " + from);
            }
        }

        private LocalDate endOn(LocalDate asOf) {
            return until == null || until.isAfter(asOf) ? asOf : until;
        }
    }

    public PartyAge {
        Objects.requireNonNull(admissionDecisionDate, "admissionDecisionDate");
        gaps = List.copyOf(gaps);
    }

    /** Days of party age on {@code asOf}; none before the admission decision. */
    public long daysOn(LocalDate asOf) {
        if (asOf.isBefore(admissionDecisionDate)) {
            return 0;
        }
        return ChronoUnit.DAYS.between(admissionDecisionDate, asOf) - gapDaysUpTo(asOf);
    }

    /** Party age on {@code asOf} in full years: the gaps shift the start forward, so years keep calendar lengths. */
    public int fullYearsOn(LocalDate asOf) {
        LocalDate shiftedStart = admissionDecisionDate.plusDays(gapDaysUpTo(asOf));
        return asOf.isBefore(shiftedStart) ? 0 : Period.between(shiftedStart, asOf).getYears();
    }

    /**
     * The first date on which the member has {@code years} years of party age, or empty while a gap that began
     * earlier is still open (the age stands still until the member comes back). Gap days up to a date only grow
     * with the date, so pushing the date forward by the closed gaps until it no longer moves finds the first date.
     */
    public Optional<LocalDate> reachesYearsOn(int years) {
        PartyAge closedGapsOnly = new PartyAge(admissionDecisionDate,
                gaps.stream().filter(gap -> gap.until() != null).toList());
        LocalDate candidate = admissionDecisionDate.plusYears(years);
        LocalDate shifted = closedGapsOnly.shiftedBy(years, candidate);
        while (shifted.isAfter(candidate)) {
            candidate = shifted;
            shifted = closedGapsOnly.shiftedBy(years, candidate);
        }
        LocalDate reached = candidate;
        boolean frozenBefore = gaps.stream().anyMatch(gap -> gap.until() == null && gap.from().isBefore(reached));
        return frozenBefore ? Optional.empty() : Optional.of(reached);
    }

    private LocalDate shiftedBy(int years, LocalDate asOf) {
        return admissionDecisionDate.plusDays(gapDaysUpTo(asOf)).plusYears(years);
    }

    /**
     * Days within [admission decision, asOf) covered by at least one gap. Gaps may overlap (lost contact inside a
     * strike-off, a late transfer while contact was lost), and a day out of party life is subtracted once.
     */
    private long gapDaysUpTo(LocalDate asOf) {
        long days = 0;
        LocalDate countedUntil = admissionDecisionDate;
        for (Gap gap : gaps.stream().sorted(Comparator.comparing(Gap::from)).toList()) {
            LocalDate begin = gap.from().isAfter(countedUntil) ? gap.from() : countedUntil;
            LocalDate end = gap.endOn(asOf);
            if (end.isAfter(begin)) {
                days += ChronoUnit.DAYS.between(begin, end);
                countedUntil = end;
            }
        }
        return days;
    }
}
