package vn.partyledger.domain.shared;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Working days (ngày làm việc): Monday to Friday except public holidays and announced days off, plus the Saturdays
 * announced as make-up working days. The days change every year (lunar Tết, compensatory days, swaps), so the calendar
 * knows only the years whose calendar was published to it, and counts nothing through any other year: a deadline is
 * never silently counted from weekends alone (WORKING_DAY_CALENDAR). Every working-day deadline of the domain (30 WD
 * ceremony, 60 WD decision, 30 WD letter presentation …) is computed here.
 */
public final class WorkingDayCalendar {

    private final NavigableMap<Year, PublishedYear> years = new TreeMap<>();

    public WorkingDayCalendar(Collection<PublishedYear> publishedYears) {
        for (PublishedYear published : publishedYears) {
            if (years.put(published.year(), published) != null) {
                throw new IllegalArgumentException("The calendar of " + published.year() + " is given twice");
            }
        }
    }

    /** The years whose calendar is published here, in order. */
    public SortedSet<Year> years() {
        return Collections.unmodifiableSortedSet(years.navigableKeySet());
    }

    /** The published years as ranges, e.g. "2015–2027", for messages and logs. */
    public String coverage() {
        List<String> ranges = new ArrayList<>();
        Year first = null;
        Year previous = null;
        for (Year year : years.keySet()) {
            if (first == null) {
                first = year;
            } else if (!year.equals(previous.plusYears(1))) {
                ranges.add(range(first, previous));
                first = year;
            }
            previous = year;
        }
        if (first != null) {
            ranges.add(range(first, previous));
        }
        return ranges.isEmpty() ? "none" : String.join(", ", ranges);
    }

    private static String range(Year first, Year last) {
        return first.equals(last) ? first.toString() : first + "–" + last;
    }

    /** Refused (WORKING_DAY_CALENDAR) for a day of a year whose calendar is not published. */
    public boolean isWorkingDay(LocalDate date) {
        return aDeadlineIsCountedOnlyThroughPublishedYears(date).isWorkingDay(date);
    }

    /**
     * The date that is {@code workingDays} working days after {@code start} (the start day itself not counted).
     * Refused (WORKING_DAY_CALENDAR) when the counting reaches a year whose calendar is not published.
     */
    public LocalDate plusWorkingDays(LocalDate start, int workingDays) {
        return deadlineReachedBy(start, workingDays, LocalDate.MAX).orElseThrow();
    }

    /**
     * The deadline {@code workingDays} working days after {@code start} when {@code date} falls after it; empty when
     * {@code date} is in time. The counting stops at {@code date}: a decision taken in time is not refused because
     * its deadline would fall in a year whose calendar is not published yet; one taken in such a year is
     * (WORKING_DAY_CALENDAR).
     */
    public Optional<LocalDate> missedDeadline(LocalDate start, int workingDays, LocalDate date) {
        return deadlineReachedBy(start, workingDays, date).filter(date::isAfter);
    }

    /** The deadline, counted no further than {@code limit}; empty when it lies beyond. */
    private Optional<LocalDate> deadlineReachedBy(LocalDate start, int workingDays, LocalDate limit) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        LocalDate date = start;
        int counted = 0;
        while (counted < workingDays) {
            date = date.plusDays(1);
            if (date.isAfter(limit)) {
                return Optional.empty();
            }
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return Optional.of(date);
    }

    private PublishedYear aDeadlineIsCountedOnlyThroughPublishedYears(LocalDate date) {
        PublishedYear published = years.get(Year.from(date));
        if (published == null) {
            throw new RuleViolation(Invariant.WORKING_DAY_CALENDAR, "aDeadlineIsCountedOnlyThroughPublishedYears",
                    "Working days cannot be counted through " + date + ": no working-day calendar is published for "
                            + date.getYear() + " (published: " + coverage() + "). A deadline is counted only once the "
                            + "year's holidays and days off are published, never from weekends alone.");
        }
        return published;
    }
}
