package vn.partyledger.domain.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days (ngày làm việc): Monday to Friday except public holidays and announced days off. The holiday list
 * changes every year (lunar Tết, compensatory days), so it is configuration, not code. Every working-day deadline of
 * the domain (30 WD ceremony, 60 WD decision, 30 WD letter presentation …) is computed here.
 */
public final class WorkingDayCalendar {

    private final Set<LocalDate> daysOff;

    public WorkingDayCalendar(Set<LocalDate> daysOff) {
        this.daysOff = Set.copyOf(daysOff);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !daysOff.contains(date);
    }

    /** The date that is {@code workingDays} working days after {@code start} (the start day itself not counted). */
    public LocalDate plusWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        LocalDate date = start;
        int counted = 0;
        while (counted < workingDays) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }
}
