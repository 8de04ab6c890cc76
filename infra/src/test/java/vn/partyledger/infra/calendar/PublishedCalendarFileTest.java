package vn.partyledger.infra.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.WorkingDayCalendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Calendar files are read strictly: the shipped one, one that replaces it, and additional ones. */
class PublishedCalendarFileTest {

    private static final ClassPathResource SHIPPED =
            new ClassPathResource("calendar/vietnam-public-service-calendar.json");

    @TempDir
    Path dir;

    private int files;

    private Resource file(String json) throws IOException {
        Path file = Files.writeString(dir.resolve("calendar-" + ++files + ".json"), json);
        return new DefaultResourceLoader().getResource("file:" + file);
    }

    private WorkingDayCalendar readFile(String json) throws IOException {
        return PublishedCalendarFile.read(List.of(file(json)));
    }

    private static String year(int year, String daysOff, String makeUp, String source) {
        return """
                {"year": %d, "daysOff": [%s], "makeUpWorkingDays": [%s], "source": %s, "note": "n"}
                """.formatted(year, daysOff, makeUp, source);
    }

    @Test
    @DisplayName("the shipped file parses and covers every year from 2015 to 2027 without a gap")
    void theShippedFileCoversEveryYearFrom2015To2027() {
        WorkingDayCalendar calendar = PublishedCalendarFile.read(List.of(SHIPPED));

        assertThat(calendar.years()).containsExactlyElementsOf(
                IntStream.rangeClosed(2015, 2027).mapToObj(Year::of).toList());
        assertThat(calendar.coverage()).isEqualTo("2015–2027");
    }

    @Test
    @DisplayName("a file given by location replaces the shipped one, and a year it does not list is refused")
    void aFileGivenByLocationReplacesTheShippedOne() throws IOException {
        WorkingDayCalendar calendar = readFile("""
                {"about": "one year", "years": [%s]}
                """.formatted(year(2028, "\"2028-01-03\"", "\"2028-01-08\"", "\"notice 1/TB-BNV\"")));

        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 3))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 8))).isTrue();
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2027, 6, 1))).isInstanceOf(RuleViolation.class);
    }

    @Test
    @DisplayName("an additional file adds its years, and a year both files list stops the service")
    void anAdditionalFileAddsItsYears() throws IOException {
        Resource y2014 = file("{\"years\": [%s]}".formatted(year(2014, "\"2014-01-01\"", "", "\"archive\"")));
        WorkingDayCalendar calendar = PublishedCalendarFile.read(List.of(SHIPPED, y2014));

        assertThat(calendar.coverage()).isEqualTo("2014–2027");
        assertThat(calendar.isWorkingDay(LocalDate.of(2014, 1, 1))).isFalse();

        Resource y2027 = file("{\"years\": [%s]}".formatted(year(2027, "", "", "\"again\"")));
        assertThatThrownBy(() -> PublishedCalendarFile.read(List.of(SHIPPED, y2027)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2027 is given twice");
    }

    @Test
    @DisplayName("a misspelt key stops the service at start-up, naming the file and the key")
    void aMisspeltKeyStopsTheService() {
        assertThatThrownBy(() -> readFile("""
                {"years": [{"year": 2028, "daysOff": [], "makeUpWorkingDays": [], "source": "s", "notes": "n"}]}
                """)).isInstanceOf(IllegalStateException.class).hasMessageContaining("calendar-1.json")
                .hasMessageContaining("notes");
        assertThatThrownBy(() -> readFile("""
                {"years": [{"year": 2028, "daysOff": [], "makeupWorkingDays": [], "source": "s"}]}
                """)).isInstanceOf(IllegalStateException.class).hasMessageContaining("makeUpWorkingDays is missing");
    }

    @Test
    @DisplayName("a year without its source, a date listed twice, a weekend day off or a year given twice is refused")
    void anIncompleteOrContradictoryYearIsRefused() {
        assertThatThrownBy(() -> readFile("{\"years\": [%s]}".formatted(year(2028, "", "", "null"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("source");
        assertThatThrownBy(() -> readFile("{\"years\": [%s]}".formatted(
                year(2028, "\"2028-01-03\", \"2028-01-03\"", "", "\"s\""))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> readFile("{\"years\": [%s]}".formatted(year(2028, "\"2028-01-01\"", "", "\"s\""))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SATURDAY");
        assertThatThrownBy(() -> readFile("{\"years\": [%s, %s]}".formatted(year(2028, "", "", "\"s\""),
                year(2028, "", "", "\"s\"")))).isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> readFile("{\"years\": []}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no year");
    }
}
