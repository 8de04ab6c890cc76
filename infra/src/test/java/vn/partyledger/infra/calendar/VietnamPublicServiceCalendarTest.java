package vn.partyledger.infra.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import vn.partyledger.domain.shared.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped calendar file, year by year, against the days the notices announced (each year's source and note are in
 * the file). A day is named by its date; "off" days are weekdays not worked, "worked" days make-up Saturdays.
 */
class VietnamPublicServiceCalendarTest {

    private static final WorkingDayCalendar CALENDAR = PublishedCalendarFile.read(
            List.of(new ClassPathResource("calendar/vietnam-public-service-calendar.json")));

    private static void off(int year, int month, int... days) {
        for (int day : days) {
            LocalDate date = LocalDate.of(year, month, day);
            assertThat(CALENDAR.isWorkingDay(date)).as("%s is a day off", date).isFalse();
        }
    }

    private static void working(int year, int month, int... days) {
        for (int day : days) {
            LocalDate date = LocalDate.of(year, month, day);
            assertThat(CALENDAR.isWorkingDay(date)).as("%s is a working day", date).isTrue();
        }
    }

    @Test
    @DisplayName("2015: New Year and Tết Ất Mùi are bridged by swaps, Saturdays 14 Feb and 25 Apr are worked")
    void in2015() {
        off(2015, 1, 1, 2);
        off(2015, 2, 16, 17, 18, 19, 20, 23);
        working(2015, 2, 14, 24);
        working(2015, 4, 25, 27);
        off(2015, 4, 28, 29, 30);
        off(2015, 5, 1);
        off(2015, 9, 2);
        working(2015, 9, 3);
    }

    @Test
    @DisplayName("2016: Tết Bính Thân is 8–12 Feb, weekend holidays are compensated on Mondays and a Tuesday")
    void in2016() {
        off(2016, 1, 1);
        off(2016, 2, 8, 9, 10, 11, 12);
        working(2016, 2, 15);
        off(2016, 4, 18);
        off(2016, 5, 2, 3);
        working(2016, 5, 4);
        off(2016, 9, 2);
    }

    @Test
    @DisplayName("2017: Tết Đinh Dậu is 26 Jan – 1 Feb, the Sunday New Year and the Saturday National Day compensated")
    void in2017() {
        off(2017, 1, 2, 26, 27, 30, 31);
        off(2017, 2, 1);
        working(2017, 2, 2);
        off(2017, 4, 6);
        off(2017, 5, 1, 2);
        off(2017, 9, 4);
        working(2017, 9, 1);
    }

    @Test
    @DisplayName("2018: Tết Mậu Tuất is 14–20 Feb and Monday 31 Dec is off for the 2019 New Year")
    void in2018() {
        off(2018, 2, 14, 15, 16, 19, 20);
        working(2018, 2, 13, 21);
        off(2018, 4, 25, 30);
        off(2018, 5, 1);
        off(2018, 9, 3);
        off(2018, 12, 31);
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2018, 12, 28), 1)).isEqualTo(LocalDate.of(2019, 1, 2));
    }

    @Test
    @DisplayName("2019: Tết Kỷ Hợi is 4–8 Feb; Saturdays 5 Jan and 4 May are worked for 31 Dec and 29 Apr")
    void in2019() {
        off(2019, 1, 1);
        working(2019, 1, 5);
        off(2019, 2, 4, 5, 6, 7, 8);
        off(2019, 4, 15, 29, 30);
        off(2019, 5, 1);
        working(2019, 5, 4);
        off(2019, 9, 2);
    }

    @Test
    @DisplayName("2019: thirty working days after Friday 25 Jan are counted across Tết to 15 Mar")
    void aDeadlineAcrossTet2019() {
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2019, 1, 25), 30)).isEqualTo(LocalDate.of(2019, 3, 15));
    }

    @Test
    @DisplayName("2020: Tết Canh Tý is 23–29 Jan; Hùng Kings' day, 30 Apr, 1 May and 2 Sep are single days")
    void in2020() {
        off(2020, 1, 1, 23, 24, 27, 28, 29);
        working(2020, 1, 22, 30);
        off(2020, 4, 2, 30);
        off(2020, 5, 1);
        off(2020, 9, 2);
        working(2020, 9, 3);
    }

    @Test
    @DisplayName("2020: thirty working days after Monday 13 Jan are counted across Tết to 2 Mar")
    void aDeadlineAcrossTet2020() {
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2020, 1, 13), 30)).isEqualTo(LocalDate.of(2020, 3, 2));
    }

    @Test
    @DisplayName("2021: Tết Tân Sửu is 10–16 Feb and National Day takes two days under the 2019 Labour Code")
    void in2021() {
        off(2021, 2, 10, 11, 12, 15, 16);
        working(2021, 2, 17);
        off(2021, 4, 21, 30);
        off(2021, 5, 3);
        off(2021, 9, 2, 3);
        working(2021, 9, 6);
    }

    @Test
    @DisplayName("2022: Tết Nhâm Dần is 31 Jan – 4 Feb and National Day is 1–2 Sep")
    void in2022() {
        off(2022, 1, 3, 31);
        off(2022, 2, 1, 2, 3, 4);
        working(2022, 2, 7);
        off(2022, 4, 11);
        off(2022, 5, 2, 3);
        off(2022, 9, 1, 2);
        working(2022, 8, 31);
    }

    @Test
    @DisplayName("2023: Tết Quý Mão is 20–26 Jan; Hùng Kings' day and 30 Apr on a weekend are compensated 2–3 May")
    void in2023() {
        off(2023, 1, 2, 20, 23, 24, 25, 26);
        working(2023, 1, 27);
        off(2023, 5, 1, 2, 3);
        working(2023, 5, 4);
        off(2023, 9, 1, 4);
        working(2023, 9, 5);
    }

    @Test
    @DisplayName("2024: Tết Giáp Thìn is 8–14 Feb; Monday 29 Apr is off and Saturday 4 May worked for it")
    void in2024() {
        off(2024, 2, 8, 9, 12, 13, 14);
        working(2024, 2, 15);
        off(2024, 4, 18, 29, 30);
        off(2024, 5, 1);
        working(2024, 5, 4);
        off(2024, 9, 2, 3);
    }

    @Test
    @DisplayName("2024: thirty working days after Thursday 1 Feb are counted across Tết to 21 Mar")
    void aDeadlineAcrossTet2024() {
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2024, 2, 1), 30)).isEqualTo(LocalDate.of(2024, 3, 21));
    }

    @Test
    @DisplayName("2025: Tết Ất Tỵ is 27–31 Jan; Friday 2 May is off and Saturday 26 Apr worked for it")
    void in2025() {
        off(2025, 1, 1, 27, 28, 29, 30, 31);
        off(2025, 4, 7, 30);
        working(2025, 4, 26);
        off(2025, 5, 1, 2);
        off(2025, 9, 1, 2);
        working(2025, 9, 3);
    }

    @Test
    @DisplayName("2026: Tết Bính Ngọ is 16–20 Feb; Friday 2 Jan is off and Saturday 10 Jan worked for it")
    void in2026() {
        off(2026, 1, 1, 2);
        working(2026, 1, 10);
        off(2026, 2, 16, 17, 18, 19, 20);
        working(2026, 2, 13, 23);
        off(2026, 4, 27, 30);
        off(2026, 5, 1);
        off(2026, 9, 2);
    }

    @Test
    @DisplayName("2026: thirty working days after 10 Feb are counted across Tết to 31 Mar, not 24 Mar")
    void aDeadlineAcrossTet2026() {
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 2, 10), 30)).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    @DisplayName("2027 (projected, not yet published): Tết Đinh Mùi is 5 and 8–11 Feb, 1 May compensated on 3 May")
    void in2027() {
        off(2027, 1, 1);
        off(2027, 2, 5, 8, 9, 10, 11);
        working(2027, 2, 4, 12);
        off(2027, 4, 16, 30);
        off(2027, 5, 3);
        off(2027, 9, 2, 3);
    }
}
