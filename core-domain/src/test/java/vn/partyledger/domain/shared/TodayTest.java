package vn.partyledger.domain.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Today is the calendar date in Vietnam, whatever zone the clock is in. */
class TodayTest {

    /** Midnight of 30 Nov 2026 in Hà Nội (UTC+7) is still 29 Nov on a server in UTC. */
    private static final Instant MIDNIGHT_IN_HANOI = Instant.parse("2026-11-29T17:00:00Z");

    private static Today at(Instant instant) {
        return new Today(Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    @DisplayName("the day turns at midnight in Hà Nội, not at midnight on the server's clock")
    void theDayTurnsAtMidnightInHanoi() {
        assertThat(at(MIDNIGHT_IN_HANOI.minusSeconds(1)).date()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(at(MIDNIGHT_IN_HANOI).date()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    @DisplayName("a date stated as happened is accepted up to today in Hà Nội and refused the day after")
    void aDateIsAcceptedUpToTodayAndRefusedTheDayAfter() {
        Today today = at(MIDNIGHT_IN_HANOI);
        assertThatCode(() -> today.businessDateIsNotInTheFuture("ceremony", LocalDate.of(2026, 11, 30)))
                .doesNotThrowAnyException();

        RuleViolation refusal = catchThrowableOfType(
                () -> today.businessDateIsNotInTheFuture("ceremony", LocalDate.of(2026, 12, 1)),
                RuleViolation.class);

        assertThat(refusal.code()).isEqualTo("BUSINESS_DATE_NOT_IN_THE_FUTURE");
        assertThat(refusal.rule()).isEqualTo("businessDateIsNotInTheFuture");
        assertThat(refusal).hasMessage("The ceremony is dated 2026-12-01, after today (2026-11-30); only what has "
                + "already happened is recorded.");
    }

    @Test
    @DisplayName("a change taking effect names the change, and a decision it rests on is checked too")
    void aChangeTakingEffectAndItsDecisionAreChecked() {
        Today today = at(MIDNIGHT_IN_HANOI);
        LocalDate tomorrow = LocalDate.of(2026, 12, 1);

        assertThat(catchThrowableOfType(() -> today.changeHasTakenEffect("merge", tomorrow, null),
                RuleViolation.class)).hasMessageStartingWith("The merge taking effect is dated 2026-12-01");
        assertThat(catchThrowableOfType(() -> today.changeHasTakenEffect("merge", today.date(),
                new DecisionRef("31-QĐ/TU", tomorrow, "province")), RuleViolation.class))
                .hasMessageStartingWith("The decision 31-QĐ/TU is dated 2026-12-01");
    }
}
