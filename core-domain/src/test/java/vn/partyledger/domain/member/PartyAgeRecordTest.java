package vn.partyledger.domain.member;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The gaps a member's events leave in the party age (docs/rules.md#s7-1), folded one event at a time. */
class PartyAgeRecordTest {

    private static final LocalDate DECIDED = LocalDate.of(1995, 2, 3);

    @Test
    void anExitEndsTheLostContactWhereItsOwnGapBeginsAndAContinuousRestorationGivesBackTheExitOnly() {
        PartyAgeRecord record = PartyAgeRecord.NONE.admissionApproved(DECIDED)
                .contactLostFrom(LocalDate.of(2019, 1, 1))
                .exitOn(LocalDate.of(2019, 4, 1));

        assertThat(record.gaps()).containsExactly(new PartyAge.Gap(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 4, 1)),
                new PartyAge.Gap(LocalDate.of(2019, 4, 1), null));
        assertThat(record.lostContactSince()).isNull();

        PartyAgeRecord restored = record.restoredContinuously();

        assertThat(restored.gaps()).containsExactly(
                new PartyAge.Gap(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 4, 1)));
        assertThat(restored.partyAge().orElseThrow().reachesYearsOn(30)).as("90 days out of contact")
                .contains(LocalDate.of(2025, 5, 4));
    }

    @Test
    void aStrikeOffAnnulledTakesItsGapAwayButNotTheContactLostTheSameDay() {
        LocalDate day = LocalDate.of(2020, 6, 1);
        PartyAgeRecord record = PartyAgeRecord.NONE.admissionApproved(DECIDED).exitOn(day).contactLostFrom(day)
                .strikeOffAnnulled(day);

        // both gaps were open from the same day: the annulment takes away both, as the aggregate always did
        assertThat(record.gaps()).isEmpty();
        assertThat(record.lostContactSince()).isEqualTo(day);
        assertThat(record.contactRestoredOn(day.plusMonths(2)).gaps()).isEmpty();
    }

    @Test
    void aReadmissionDecisionClosesTheOpenGapsAndTheFirstDecisionStaysTheStart() {
        PartyAgeRecord record = PartyAgeRecord.NONE.imported(DECIDED, List.of())
                .exitOn(LocalDate.of(2005, 3, 1))
                .admissionApproved(LocalDate.of(2010, 3, 1))
                .presentedLate(LocalDate.of(2015, 1, 10), LocalDate.of(2015, 1, 20))
                .admissionDateCorrected(LocalDate.of(2010, 3, 1), LocalDate.of(2010, 2, 26));

        assertThat(record.firstAdmissionDecision()).isEqualTo(DECIDED);
        assertThat(record.gaps()).containsExactly(new PartyAge.Gap(LocalDate.of(2005, 3, 1), LocalDate.of(2010, 2, 26)),
                new PartyAge.Gap(LocalDate.of(2015, 1, 10), LocalDate.of(2015, 1, 20)));
    }
}
