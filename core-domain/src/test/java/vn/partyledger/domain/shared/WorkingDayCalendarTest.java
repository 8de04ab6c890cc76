package vn.partyledger.domain.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How working days are counted, on small calendars built here; the published file is tested in infra. */
class WorkingDayCalendarTest {

    /** 2024 with Tết (8–14 Feb) and the 30 April bridge: Mon 29 Apr off, worked on Sat 4 May. */
    private static final PublishedYear Y2024 = new PublishedYear(Year.of(2024),
            Set.of(LocalDate.of(2024, 2, 8), LocalDate.of(2024, 2, 9), LocalDate.of(2024, 2, 12),
                    LocalDate.of(2024, 2, 13), LocalDate.of(2024, 2, 14), LocalDate.of(2024, 4, 29),
                    LocalDate.of(2024, 4, 30), LocalDate.of(2024, 5, 1)),
            Set.of(LocalDate.of(2024, 5, 4)));
    private static final PublishedYear Y2025 = new PublishedYear(Year.of(2025), Set.of(), Set.of());

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(List.of(Y2024, Y2025));

    @Test
    @DisplayName("a weekday announced as a day off is no working day, and a make-up Saturday is one")
    void aDayOffIsNoWorkingDayAndAMakeUpSaturdayIsOne() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 4, 29))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 5, 4))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 5, 11))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 5, 6))).isTrue();
    }

    @Test
    @DisplayName("the make-up Saturday counts towards a deadline")
    void theMakeUpSaturdayCountsTowardsADeadline() {
        // Fri 26 Apr: Mon 29, Tue 30, Wed 1 off; Thu 2, Fri 3, Sat 4 (worked), Mon 6
        assertThat(calendar.plusWorkingDays(LocalDate.of(2024, 4, 26), 4)).isEqualTo(LocalDate.of(2024, 5, 6));
    }

    @Test
    @DisplayName("Tết days off do not count towards a deadline")
    void tetDaysOffDoNotCountTowardsADeadline() {
        // Wed 7 Feb 2024: the next working day is Thu 15 Feb
        assertThat(calendar.plusWorkingDays(LocalDate.of(2024, 2, 7), 1)).isEqualTo(LocalDate.of(2024, 2, 15));
    }

    @Test
    @DisplayName("WORKING_DAY_CALENDAR: a deadline is counted across the turn of two published years")
    void aDeadlineIsCountedAcrossTheTurnOfTwoPublishedYears() {
        assertThat(calendar.plusWorkingDays(LocalDate.of(2024, 12, 30), 3)).isEqualTo(LocalDate.of(2025, 1, 2));
    }

    @Test
    @DisplayName("WORKING_DAY_CALENDAR: a deadline that reaches a year whose calendar is not published is refused")
    void aDeadlineThatReachesAnUnpublishedYearIsRefused() {
        RuleViolation refusal = catchThrowableOfType(
                () -> calendar.plusWorkingDays(LocalDate.of(2025, 12, 29), 5), RuleViolation.class);

        assertThat(refusal).isNotNull();
        assertThat(refusal.code()).isEqualTo("WORKING_DAY_CALENDAR");
        assertThat(refusal.rule()).isEqualTo("aDeadlineIsCountedOnlyThroughPublishedYears");
        assertThat(refusal.getMessage()).contains("2026-01-01", "2024–2025");
    }

    @Test
    @DisplayName("a day of a year whose calendar is not published is neither a working day nor a day off")
    void aDayOfAnUnpublishedYearIsNeitherAWorkingDayNorADayOff() {
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2023, 6, 7))).isInstanceOf(RuleViolation.class);
    }

    @Test
    @DisplayName("a date in time is told from its deadline without counting into a year that is not published")
    void aDateInTimeIsToldWithoutCountingIntoAnUnpublishedYear() {
        // 30 working days after 15 Dec 2025 lie in 2026, whose calendar is not published here
        assertThat(calendar.missedDeadline(LocalDate.of(2025, 12, 15), 30, LocalDate.of(2025, 12, 31))).isEmpty();
    }

    @Test
    @DisplayName("a date after its deadline is told with the deadline it missed")
    void aDateAfterItsDeadlineIsToldWithTheDeadlineItMissed() {
        LocalDate start = LocalDate.of(2024, 4, 26);

        assertThat(calendar.missedDeadline(start, 4, LocalDate.of(2024, 5, 6))).isEmpty();
        assertThat(calendar.missedDeadline(start, 4, LocalDate.of(2024, 5, 7))).contains(LocalDate.of(2024, 5, 6));
    }

    @Test
    @DisplayName("a date in a year whose calendar is not published cannot be told from its deadline")
    void aDateInAnUnpublishedYearCannotBeToldFromItsDeadline() {
        assertThatThrownBy(() -> calendar.missedDeadline(LocalDate.of(2025, 12, 15), 30, LocalDate.of(2026, 1, 5)))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    @DisplayName("the calendar names the years it covers, as ranges")
    void theCalendarNamesTheYearsItCovers() {
        WorkingDayCalendar withAGap = new WorkingDayCalendar(List.of(Y2024, Y2025,
                new PublishedYear(Year.of(2027), Set.of(), Set.of())));

        assertThat(withAGap.years()).containsExactly(Year.of(2024), Year.of(2025), Year.of(2027));
        assertThat(withAGap.coverage()).isEqualTo("2024–2025, 2027");
        assertThat(new WorkingDayCalendar(List.of()).coverage()).isEqualTo("none");
    }

    @Test
    @DisplayName("a year given twice is refused")
    void aYearGivenTwiceIsRefused() {
        assertThatThrownBy(() -> new WorkingDayCalendar(List.of(Y2025, Y2025)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2025");
    }

    @Test
    @DisplayName("a day off on a weekend, a make-up weekday or a day of another year is caught when the year is built")
    void aMistypedDayIsCaughtWhenTheYearIsBuilt() {
        Year year = Year.of(2022);
        LocalDate sunday = LocalDate.of(2022, 5, 1);
        LocalDate monday = LocalDate.of(2022, 5, 2);

        assertThatThrownBy(() -> new PublishedYear(year, Set.of(sunday), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SUNDAY");
        assertThatThrownBy(() -> new PublishedYear(year, Set.of(), Set.of(monday)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MONDAY");
        assertThatThrownBy(() -> new PublishedYear(year, Set.of(LocalDate.of(2023, 1, 2)), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in 2022");
    }
}
