package vn.partyledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.RecordingMembershipLedger;
import vn.partyledger.command.support.RecordingMembershipLedger.Enrolment;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.badge.AwardPartyBadge;
import vn.partyledger.domain.discipline.RecordDeath;
import vn.partyledger.domain.onboarding.ImportMember;
import vn.partyledger.domain.onboarding.ImportMembers;
import vn.partyledger.domain.member.ImportedBadge;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.PartyAge;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.command.member.PaperFile.BRANCH;
import static vn.partyledger.command.member.PaperFile.CEREMONY;
import static vn.partyledger.command.member.PaperFile.DECIDED;
import static vn.partyledger.command.member.PaperFile.FILE;
import static vn.partyledger.command.member.PaperFile.FULL_FROM;
import static vn.partyledger.command.member.PaperFile.IMPORTED;
import static vn.partyledger.command.member.PaperFile.ON_ROLL;
import static vn.partyledger.command.member.PaperFile.fullMember;
import static vn.partyledger.command.member.PaperFile.imported;

/**
 * ONBOARDING: a member the paper file already holds is imported with the history it states, held to the rules that
 * still apply, and goes onto the home branch's roll in the same unit of work.
 */
class OnboardingTest {

    private final RecordingMembershipLedger ledger = new RecordingMembershipLedger();
    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = RecruitmentHistory.fixture(ledger);
    }

    @Test
    @DisplayName("ONBOARDING: a full member is imported with the history on file and goes onto the branch's roll")
    void aFullMemberIsImportedAndGoesOntoTheRoll() {
        ImportMember command = fullMember(List.of(), List.of(new ImportedBadge(30, "HH-30-0417", DECIDED.plusYears(30))));

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(imported(command));
        assertThat(ledger.enrolments()).containsExactly(new Enrolment(BRANCH, "m1", MemberStatus.FULL, ON_ROLL));
    }

    @Test
    @DisplayName("ONBOARDING: a member on the roll before full membership is enrolled probationary, then full")
    void aMemberOnTheRollBeforeFullMembershipIsEnrolledProbationaryThenFull() {
        ImportMember command = new ImportMember("m1", "p1", BRANCH, MemberStatus.FULL, DECIDED, DECIDED, CEREMONY,
                FULL_FROM, CEREMONY, List.of(), null, List.of(), null, null, null, FILE, IMPORTED);

        fixture.givenNoPriorActivity().when(command).expectEvents(imported(command));
        assertThat(ledger.enrolments()).containsExactly(
                new Enrolment(BRANCH, "m1", MemberStatus.PROBATIONARY, CEREMONY),
                new Enrolment(BRANCH, "m1", MemberStatus.FULL, FULL_FROM));
    }

    @Test
    @DisplayName("ONBOARDING: an imported record is never imported again")
    void anImportedRecordIsNeverImportedAgain() {
        ImportMember command = fullMember(List.of(), List.of());

        fixture.given(imported(command))
                .when(command)
                .expectNoEvents()
                .expectException(Violation.of("ONBOARDING", "aRecordIsImportedOnceIntoANewRecord"));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a member is imported as of today")
    void aMemberIsImportedAsOfToday() {
        ImportMember asOfToday = new ImportMember("m1", "p1", BRANCH, MemberStatus.FULL, DECIDED, DECIDED, CEREMONY,
                FULL_FROM, ON_ROLL, List.of(), null, List.of(), null, null, null, FILE, FixedToday.DATE);

        fixture.givenNoPriorActivity().when(asOfToday).expectEvents(imported(asOfToday));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: an import dated tomorrow would let the file state a history to come")
    void anImportDatedTomorrowIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ImportMember("m1", "p1", BRANCH, MemberStatus.FULL, DECIDED, DECIDED, CEREMONY, FULL_FROM,
                        ON_ROLL, List.of(), null, List.of(), null, null, null, FILE, FixedToday.DATE.plusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("BUSINESS_DATE_NOT_IN_THE_FUTURE", "businessDateIsNotInTheFuture"));
        assertThat(ledger.enrolments()).isEmpty();
    }

    @Test
    @DisplayName("ONBOARDING: only a probationary or a full member is imported")
    void onlyAProbationaryOrFullMemberIsImported() {
        fixture.givenNoPriorActivity()
                .when(new ImportMember("m1", "p1", BRANCH, MemberStatus.CANDIDATE, DECIDED, DECIDED, CEREMONY, null,
                        ON_ROLL, List.of(), null, List.of(), null, null, null, FILE, IMPORTED))
                .expectNoEvents()
                .expectException(Violation.of("ONBOARDING", "onlyAProbationaryOrFullMemberIsImported"));
    }

    @Test
    @DisplayName("ONBOARDING: a ceremony before the admission decision is not a history the rules allow")
    void aCeremonyBeforeTheDecisionIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ImportMember("m1", "p1", BRANCH, MemberStatus.FULL, DECIDED, DECIDED, DECIDED.minusDays(1),
                        FULL_FROM, ON_ROLL, List.of(), null, List.of(), null, null, null, FILE, IMPORTED))
                .expectNoEvents()
                .expectException(Violation.of("ONBOARDING", "theAdmissionHistoryIsInOrder"));
    }

    @Test
    @DisplayName("ONBOARDING: full membership counts from the end of probation at the earliest, to the day")
    void fullMembershipCountsFromTheEndOfProbationAtTheEarliest() {
        ImportMember onTheDay = new ImportMember("m1", "p1", BRANCH, MemberStatus.FULL, DECIDED, DECIDED, CEREMONY,
                CEREMONY.plusMonths(12), ON_ROLL, List.of(), null, List.of(), null, null, null, FILE, IMPORTED);
        fixture.givenNoPriorActivity().when(onTheDay).expectEvents(imported(onTheDay));

        fixture.givenNoPriorActivity()
                .when(new ImportMember("m1", "p1", BRANCH, MemberStatus.FULL, DECIDED, DECIDED, CEREMONY,
                        CEREMONY.plusMonths(12).minusDays(1), ON_ROLL, List.of(), null, List.of(), null, null, null,
                        FILE, IMPORTED))
                .expectNoEvents()
                .expectException(Violation.of("ONBOARDING", "fullMembershipFollowsTheProbation"));
    }

    @Test
    @DisplayName("ONBOARDING: a probationary member has no full membership date")
    void aProbationaryMemberHasNoFullMembershipDate() {
        fixture.givenNoPriorActivity()
                .when(new ImportMember("m1", "p1", BRANCH, MemberStatus.PROBATIONARY, DECIDED, DECIDED, CEREMONY,
                        FULL_FROM, ON_ROLL, List.of(), null, List.of(), null, null, null, FILE, IMPORTED))
                .expectNoEvents()
                .expectException(Violation.of("ONBOARDING", "fullMembershipFollowsTheProbation"));
    }

    @Test
    @DisplayName("ONBOARDING: a period without party age lies closed inside the history")
    void aGapLiesClosedInsideTheHistory() {
        fixture.givenNoPriorActivity()
                .when(fullMember(List.of(new PartyAge.Gap(LocalDate.of(2000, 1, 1), null)), List.of()))
                .expectNoEvents()
                .expectException(Violation.of("ONBOARDING", "partyAgeGapsLieWithinTheHistory"));
    }

    @Test
    @DisplayName("ONBOARDING: a badge earlier than the party age allows is not on file as stated")
    void aBadgeEarlierThanThePartyAgeAllowsIsRefused() {
        List<PartyAge.Gap> fiveYearsOut = List.of(new PartyAge.Gap(LocalDate.of(2000, 1, 1),
                LocalDate.of(2005, 1, 1)));
        fixture.givenNoPriorActivity()
                .when(fullMember(fiveYearsOut, List.of(new ImportedBadge(30, "HH-30-0417", DECIDED.plusYears(30)))))
                .expectNoEvents()
                .expectException(Violation.of("ONBOARDING", "badgesAreOfKnownLevelsThePartyAgeAllows"));
    }

    @Test
    @DisplayName("ONBOARDING: an imported badge counts as awarded, so it is not awarded twice")
    void anImportedBadgeIsNotAwardedTwice() {
        ImportMember command = fullMember(List.of(), List.of(new ImportedBadge(30, "HH-30-0417", DECIDED.plusYears(30))));

        fixture.given(imported(command))
                .when(new AwardPartyBadge("m1", 30, "HH-30-9999", LocalDate.of(2026, 2, 3), null, false, false, null,
                        new DecisionRef("600-QĐ/TU", LocalDate.of(2026, 1, 20), "province")))
                .expectNoEvents()
                .expectException(Violation.of("I24", "eachLevelIsAwardedOnce"));
    }

    @Test
    @DisplayName("I3: an imported member is a registered person, so their other records can be checked")
    void anImportedMemberIsARegisteredPerson() {
        fixture.givenNoPriorActivity()
                .when(new ImportMember("m1", "p-unknown", BRANCH, MemberStatus.FULL, DECIDED, DECIDED, CEREMONY,
                        FULL_FROM, ON_ROLL, List.of(), null, List.of(), null, null, null, FILE, IMPORTED))
                .expectNoEvents()
                .expectException(Violation.of("I3", "anImportedMemberIsARegisteredPerson"));
        assertThat(ledger.enrolments()).isEmpty();
    }

    @Test
    @DisplayName("ONBOARDING: a batch of a branch's members is imported as one by one, onto the branch's roll")
    void aBatchOfABranchsMembersIsImportedAsOneByOne() {
        ImportMember command = fullMember(List.of(), List.of());

        fixture.givenNoPriorActivity()
                .when(new ImportMembers(BRANCH, List.of(), List.of(command)))
                .expectEvents(imported(command));
        assertThat(ledger.enrolments()).containsExactly(new Enrolment(BRANCH, "m1", MemberStatus.FULL, ON_ROLL));
    }

    @Test
    @DisplayName("ONBOARDING: a batch imports the members of its own branch only")
    void aBatchImportsTheMembersOfItsOwnBranchOnly() {
        fixture.givenNoPriorActivity()
                .when(new ImportMembers("another-branch", List.of(), List.of(fullMember(List.of(), List.of()))))
                .expectNoEvents()
                .expectException(Violation.of("ONBOARDING", "aBatchImportsTheMembersOfItsOwnBranch"));
        assertThat(ledger.enrolments()).isEmpty();
    }

    @Test
    @DisplayName("I29: an imported member's death is not dated before the member stood on the roll as the file states")
    void anImportedMembersDeathIsNotDatedBeforeTheirStanding() {
        fixture.given(imported(fullMember(List.of(), List.of())))
                .when(new RecordDeath("m1", ON_ROLL.minusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeathIsNotDatedBeforeTheMembersStandingBegan"));
    }
}
