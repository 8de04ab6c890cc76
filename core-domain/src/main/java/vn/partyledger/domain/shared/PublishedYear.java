package vn.partyledger.domain.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Objects;
import java.util.Set;

/**
 * One year of the public servants' calendar as the Government announced it: the weekdays not worked (public holidays,
 * compensatory days off for a holiday on a weekend, weekdays swapped away) and the weekend days worked in exchange
 * (làm bù). Both lists are checked against the week, so a date typed into the wrong year or onto the wrong day of the
 * week is caught when the calendar is loaded rather than miscounted in a deadline.
 */
public record PublishedYear(Year year, Set<LocalDate> daysOff, Set<LocalDate> makeUpWorkingDays) {

    public PublishedYear {
        Objects.requireNonNull(year, "year");
        daysOff = Set.copyOf(daysOff);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
        for (LocalDate day : daysOff) {
            requireIn(year, day, "day off");
            if (isWeekend(day)) {
                throw new IllegalArgumentException("Day off " + day + " falls on a " + day.getDayOfWeek()
                        + ": list the weekday given in compensation instead");
            }
        }
        for (LocalDate day : makeUpWorkingDays) {
            requireIn(year, day, "make-up working day");
            if (!isWeekend(day)) {
                throw new IllegalArgumentException("Make-up working day " + day + " falls on a " + day.getDayOfWeek()
                        + ": only a weekend day is worked in exchange");
            }
        }
    }

    /** Monday to Friday unless announced as a day off, and a weekend day only when announced as worked. */
    public boolean isWorkingDay(LocalDate date) {
        requireIn(year, date, "day");
        return isWeekend(date) ? makeUpWorkingDays.contains(date) : !daysOff.contains(date);
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static void requireIn(Year year, LocalDate day, String what) {
        if (day.getYear() != year.getValue()) {
            throw new IllegalArgumentException("The " + what + " " + day + " is not in " + year);
        }
    }
}
