package vn.partyledger.infra.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import vn.partyledger.domain.shared.PublishedYear;
import vn.partyledger.domain.shared.WorkingDayCalendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Reads calendar files (JSON, one entry per year; the shipped one is
 * {@code calendar/vietnam-public-service-calendar.json}, further files add years, e.g. those before 2015 for old
 * records keyed in) into one {@link WorkingDayCalendar}. It reads strictly: an unknown key, a missing list or source,
 * a date listed twice or on the wrong day of the week, a year in two files stops the service at start-up, where a
 * typing mistake costs nothing, instead of shifting deadlines later.
 */
public final class PublishedCalendarFile {

    private static final Logger log = LoggerFactory.getLogger(PublishedCalendarFile.class);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    /** The file as written: what it is, then its years. */
    record Content(String about, List<Entry> years) {
        Content {
            if (years == null || years.isEmpty()) {
                throw new IllegalArgumentException("the file lists no year");
            }
        }
    }

    /** One year: the weekdays not worked, the weekend days worked, where they were announced and what is uncertain. */
    record Entry(int year, List<LocalDate> daysOff, List<LocalDate> makeUpWorkingDays, String source, String note) {
        Entry {
            Objects.requireNonNull(daysOff, () -> year + ": daysOff is missing");
            Objects.requireNonNull(makeUpWorkingDays, () -> year + ": makeUpWorkingDays is missing");
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException(year + ": every year names its source");
            }
        }

        PublishedYear published() {
            return new PublishedYear(Year.of(year), once(daysOff), once(makeUpWorkingDays));
        }

        private HashSet<LocalDate> once(List<LocalDate> days) {
            HashSet<LocalDate> distinct = new HashSet<>(days);
            if (distinct.size() != days.size()) {
                throw new IllegalArgumentException(year + ": a date is listed twice in " + days);
            }
            return distinct;
        }
    }

    private PublishedCalendarFile() {
    }

    /** The calendar of every year the files list; a year listed in two files stops the service. */
    public static WorkingDayCalendar read(List<Resource> files) {
        List<PublishedYear> years = new ArrayList<>();
        files.forEach(file -> years.addAll(yearsIn(file)));
        List<String> names = files.stream().map(Resource::getDescription).toList();
        WorkingDayCalendar calendar;
        try {
            calendar = new WorkingDayCalendar(years);
        } catch (IllegalArgumentException twice) {
            throw new IllegalStateException("The working-day calendars " + names + " cannot be used together: "
                    + twice.getMessage(), twice);
        }
        log.info("Working-day calendar from {}: published years {}; a deadline reaching any other year is refused",
                names, calendar.coverage());
        return calendar;
    }

    private static List<PublishedYear> yearsIn(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return JSON.readValue(in, Content.class).years().stream().map(Entry::published).toList();
        } catch (IOException | RuntimeException unreadable) {
            throw new IllegalStateException("The working-day calendar " + file.getDescription()
                    + " cannot be used: " + unreadable.getMessage(), unreadable);
        }
    }
}
