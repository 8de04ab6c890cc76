package vn.partyledger.command.support;

import vn.partyledger.domain.shared.PublishedYear;
import vn.partyledger.domain.shared.WorkingDayCalendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Working-day calendars for aggregate tests: plain weeks with only the days off a test names, so a test's deadline is
 * counted by hand. The real calendar is the published file (infra), tested there year by year.
 */
public final class Calendars {

    /** The Party's founding to well past any date a test uses: every year a test touches is published. */
    private static final int FIRST_YEAR = 1930;
    private static final int LAST_YEAR = 2100;

    private Calendars() {
    }

    public static WorkingDayCalendar weekendsOnly() {
        return withDaysOff();
    }

    public static WorkingDayCalendar withDaysOff(LocalDate... daysOff) {
        return publishedFor(FIRST_YEAR, LAST_YEAR, daysOff);
    }

    /** Only the years from {@code first} to {@code last} are published: counting beyond them is refused. */
    public static WorkingDayCalendar publishedFor(int first, int last, LocalDate... daysOff) {
        Map<Integer, Set<LocalDate>> byYear = Stream.of(daysOff)
                .collect(Collectors.groupingBy(LocalDate::getYear, Collectors.toSet()));
        return new WorkingDayCalendar(IntStream.rangeClosed(first, last)
                .mapToObj(year -> new PublishedYear(Year.of(year), byYear.getOrDefault(year, Set.of()), Set.of()))
                .toList());
    }
}
