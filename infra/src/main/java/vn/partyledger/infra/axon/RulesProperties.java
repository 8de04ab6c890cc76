package vn.partyledger.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.stream.Stream;

/**
 * The configurable numbers of docs/rules.md#s20 and where the working-day calendar is read from. Public holidays, days
 * off and make-up Saturdays are announced every year (Tết and Hùng Kings' day follow the lunar calendar), so they are
 * data, one entry per year in the calendar file, not computed; additional files ({@code classpath:} or {@code file:}
 * locations like it) add years it does not list.
 */
@ConfigurationProperties("partyledger.rules")
public record RulesProperties(@DefaultValue("30") int ceremonyDeadlineWorkingDays,
                              @DefaultValue("12") int probationMonths,
                              @DefaultValue("classpath:calendar/vietnam-public-service-calendar.json")
                              String calendarFile,
                              @DefaultValue List<String> calendarAdditionalFiles) {

    /** The calendar file, then the additional ones. */
    public List<String> calendarFiles() {
        return Stream.concat(Stream.of(calendarFile), calendarAdditionalFiles.stream()).toList();
    }
}
