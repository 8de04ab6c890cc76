package vn.partyledger.domain.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CompletedMonthsTest {

    @Test
    @DisplayName("a month is completed on the same day of the next month, not the day before")
    void aMonthIsCompletedOnTheSameDayOfTheNextMonth() {
        LocalDate born = LocalDate.of(2007, 4, 6);
        assertThat(CompletedMonths.between(born, LocalDate.of(2025, 4, 5))).isEqualTo(215);
        assertThat(CompletedMonths.between(born, LocalDate.of(2025, 4, 6))).isEqualTo(216);
    }

    @Test
    @DisplayName("born on the 31st, a month is completed on the last day of a shorter month, as plusMonths reaches it")
    void bornOnTheThirtyFirstAMonthIsCompletedOnTheLastDayOfAShorterMonth() {
        LocalDate born = LocalDate.of(2007, 1, 31);
        assertThat(CompletedMonths.between(born, LocalDate.of(2025, 2, 27))).isEqualTo(216);
        assertThat(CompletedMonths.between(born, LocalDate.of(2025, 2, 28))).isEqualTo(217);
        assertThat(born.plusMonths(217)).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    @DisplayName("no months are completed before the start")
    void noMonthsBeforeTheStart() {
        assertThat(CompletedMonths.between(LocalDate.of(2025, 1, 1), LocalDate.of(2024, 1, 1))).isZero();
    }
}
