package vn.partyledger.domain.member;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Party age from the first admission decision minus the gaps (docs/rules.md#s7-1), with seed-like dates. */
class PartyAgeTest {

    /** A member of seed 003 (Ward 5, District 8) admitted by decision of 3 Feb 1995, now holding the 30-year badge. */
    private static final LocalDate DECIDED = LocalDate.of(1995, 2, 3);

    @Test
    @DisplayName("without gaps a member has N years on the N-th anniversary of the admission decision")
    void withoutGapsAMemberHasNYearsOnTheNthAnniversaryOfTheAdmissionDecision() {
        PartyAge age = new PartyAge(DECIDED, List.of());

        assertThat(age.reachesYearsOn(30)).contains(LocalDate.of(2025, 2, 3));
        assertThat(age.fullYearsOn(LocalDate.of(2025, 2, 2))).isEqualTo(29);
        assertThat(age.fullYearsOn(LocalDate.of(2025, 2, 3))).isEqualTo(30);
    }

    @Test
    @DisplayName("the days of a gap are subtracted, so the N-th year comes that many days later")
    void theDaysOfAGapAreSubtractedSoTheNthYearComesThatManyDaysLater() {
        PartyAge age = new PartyAge(DECIDED, List.of(new PartyAge.Gap(LocalDate.of(2001, 3, 1),
                LocalDate.of(2001, 6, 9))));

        assertThat(age.daysOn(LocalDate.of(2025, 2, 3)))
                .isEqualTo(ChronoUnit.DAYS.between(DECIDED, LocalDate.of(2025, 2, 3)) - 100);
        assertThat(age.reachesYearsOn(30)).contains(LocalDate.of(2025, 5, 14));
        assertThat(age.fullYearsOn(LocalDate.of(2025, 5, 13))).isEqualTo(29);
    }

    @Test
    @DisplayName("a gap counts only for its part after the admission decision and up to the date asked about")
    void aGapCountsOnlyForItsPartAfterTheAdmissionDecisionAndUpToTheDateAskedAbout() {
        PartyAge age = new PartyAge(DECIDED, List.of(new PartyAge.Gap(LocalDate.of(1995, 1, 24),
                LocalDate.of(1995, 2, 13)), new PartyAge.Gap(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1))));

        assertThat(age.daysOn(LocalDate.of(1995, 3, 3))).isEqualTo(28 - 10);
        assertThat(age.daysOn(LocalDate.of(2020, 1, 11)))
                .isEqualTo(ChronoUnit.DAYS.between(DECIDED, LocalDate.of(2020, 1, 11)) - 10 - 10);
    }

    @Test
    @DisplayName("a re-admitted member counts from the first admission, the time away being a gap")
    void aReadmittedMemberCountsFromTheFirstAdmissionTheTimeAwayBeingAGap() {
        PartyAge age = new PartyAge(LocalDate.of(1985, 9, 2), List.of(new PartyAge.Gap(LocalDate.of(1990, 9, 2),
                LocalDate.of(1995, 9, 2))));

        assertThat(age.fullYearsOn(LocalDate.of(2025, 9, 2))).isEqualTo(35);
        assertThat(age.reachesYearsOn(40)).contains(LocalDate.of(2030, 9, 2));
    }

    @Test
    @DisplayName("while a gap is open the party age stands still and the next level is not reached")
    void whileAGapIsOpenThePartyAgeStandsStill() {
        PartyAge age = new PartyAge(DECIDED, List.of(new PartyAge.Gap(LocalDate.of(2020, 2, 3), null)));

        assertThat(age.fullYearsOn(LocalDate.of(2030, 2, 3))).isEqualTo(25);
        assertThat(age.reachesYearsOn(25)).contains(LocalDate.of(2020, 2, 3));
        assertThat(age.reachesYearsOn(30)).isEmpty();
    }

    @Test
    @DisplayName("before the admission decision there is no party age")
    void beforeTheAdmissionDecisionThereIsNoPartyAge() {
        PartyAge age = new PartyAge(DECIDED, List.of());

        assertThat(age.daysOn(LocalDate.of(1994, 12, 31))).isZero();
        assertThat(age.fullYearsOn(LocalDate.of(1994, 12, 31))).isZero();
    }

    @Test
    @DisplayName("lost contact inside a strike-off is subtracted once")
    void lostContactInsideAStrikeOffIsSubtractedOnce() {
        PartyAge age = new PartyAge(DECIDED, List.of(
                new PartyAge.Gap(LocalDate.of(2001, 1, 1), LocalDate.of(2002, 1, 1)),
                new PartyAge.Gap(LocalDate.of(2001, 3, 1), LocalDate.of(2001, 6, 1))));

        assertThat(age.daysOn(LocalDate.of(2025, 2, 3)))
                .isEqualTo(ChronoUnit.DAYS.between(DECIDED, LocalDate.of(2025, 2, 3)) - 365);
        assertThat(age.reachesYearsOn(30)).contains(LocalDate.of(2026, 2, 3));
    }

    @Test
    @DisplayName("overlapping gaps count the days of their union")
    void overlappingGapsCountTheDaysOfTheirUnion() {
        PartyAge age = new PartyAge(DECIDED, List.of(
                new PartyAge.Gap(LocalDate.of(2010, 1, 21), LocalDate.of(2010, 2, 10)),
                new PartyAge.Gap(LocalDate.of(2010, 1, 1), LocalDate.of(2010, 1, 31))));

        assertThat(age.daysOn(LocalDate.of(2011, 1, 1)))
                .isEqualTo(ChronoUnit.DAYS.between(DECIDED, LocalDate.of(2011, 1, 1)) - 40);
        assertThat(age.daysOn(LocalDate.of(2010, 1, 26)))
                .isEqualTo(ChronoUnit.DAYS.between(DECIDED, LocalDate.of(2010, 1, 26)) - 25);
    }

    @Test
    @DisplayName("a closed gap inside an open one adds nothing while the open one lasts")
    void aClosedGapInsideAnOpenOneAddsNothingWhileTheOpenOneLasts() {
        PartyAge age = new PartyAge(DECIDED, List.of(new PartyAge.Gap(LocalDate.of(2020, 2, 3), null),
                new PartyAge.Gap(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 1))));

        assertThat(age.fullYearsOn(LocalDate.of(2030, 2, 3))).isEqualTo(25);
        assertThat(age.reachesYearsOn(25)).contains(LocalDate.of(2020, 2, 3));
    }
}
