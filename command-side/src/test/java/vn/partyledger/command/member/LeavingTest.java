package vn.partyledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.RecordingMembershipLedger;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.discipline.AppealOutcome;
import vn.partyledger.domain.discipline.AppealResolved;
import vn.partyledger.domain.discipline.AppealSubject;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MemberSuspended;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.discipline.ProposeStrikeOff;
import vn.partyledger.domain.discipline.RecordDeath;
import vn.partyledger.domain.discipline.RequestVoluntaryExit;
import vn.partyledger.domain.discipline.RestoreMembership;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.discipline.StrikeOffMember;
import vn.partyledger.domain.discipline.StrikeOffProposed;
import vn.partyledger.domain.discipline.VoluntaryExitRequested;
import vn.partyledger.domain.discipline.SuspendPartyActivity;
import vn.partyledger.domain.member.AssignProbationMentor;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.command.member.LeavingHistory.BY_AUTHORITY;
import static vn.partyledger.command.member.LeavingHistory.BY_BRANCH;
import static vn.partyledger.command.member.LeavingHistory.DECIDED;
import static vn.partyledger.command.member.LeavingHistory.fullMember;
import static vn.partyledger.command.member.RecruitmentHistory.AUTHORITY;
import static vn.partyledger.command.member.RecruitmentHistory.BRANCH;
import static vn.partyledger.command.member.RecruitmentHistory.plus;
import static vn.partyledger.command.member.RecruitmentHistory.probationary;

/** Strike-off (I19, I20), voluntary exit, restoration (I26) and death (I29) on the Member's leaving entity. */
class LeavingTest {

    private static final LocalDate VOTED = LocalDate.of(2024, 4, 22);
    private static final List<String> EVIDENCE = List.of("BB-2024-01", "BB-2024-02", "BB-2024-03");
    private static final List<YearMonth> THREE_MONTHS = List.of(YearMonth.of(2024, 1), YearMonth.of(2024, 2),
            YearMonth.of(2024, 4));
    private static final StrikeOffProposed PROPOSED = proposed(StrikeOffGround.ABSENCE_OR_DUES_3M, 16, true);
    private static final MemberStruckOff STRUCK_OFF = new MemberStruckOff("m1", BRANCH,
            StrikeOffGround.ABSENCE_OR_DUES_3M, AUTHORITY, DECIDED);
    private static final DecisionRef PROVINCE = new DecisionRef("12-QĐ/TU", LocalDate.of(2024, 9, 2), "province");

    private AggregateTestFixture<Member> fixture;
    private RecordingMembershipLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = new RecordingMembershipLedger();
        fixture = LeavingHistory.fixture(ledger);
    }

    private static ProposeStrikeOff propose(StrikeOffGround ground, List<String> evidence, List<YearMonth> months,
                                            int inFavour) {
        return new ProposeStrikeOff("m1", ground, evidence, months, VOTED, 30, inFavour);
    }

    private static StrikeOffProposed proposed(StrikeOffGround ground, int inFavour, boolean passed) {
        return new StrikeOffProposed("m1", ground, EVIDENCE, THREE_MONTHS, VOTED, 30, inFavour, passed);
    }

    private static Object[] struckOffAndAnnulled() {
        return plus(fullMember(), PROPOSED, STRUCK_OFF, new AppealResolved("m1", AppealSubject.STRIKE_OFF,
                AppealOutcome.ANNULLED, "province", PROVINCE.docDate()));
    }

    @Test
    @DisplayName("I19: the branch proposes striking off a member absent or unpaid in three months of one year")
    void theBranchProposesStrikingOffAMemberAbsentOrUnpaidInThreeMonthsOfOneYear() {
        fixture.given(fullMember())
                .when(propose(StrikeOffGround.ABSENCE_OR_DUES_3M, EVIDENCE, THREE_MONTHS, 16))
                .expectEvents(PROPOSED);
    }

    @Test
    @DisplayName("I19: three months split across two calendar years do not ground a strike-off")
    void threeMonthsSplitAcrossTwoCalendarYearsDoNotGroundAStrikeOff() {
        List<YearMonth> split = List.of(YearMonth.of(2023, 11), YearMonth.of(2023, 12), YearMonth.of(2024, 1));
        fixture.given(fullMember())
                .when(propose(StrikeOffGround.ABSENCE_OR_DUES_3M, EVIDENCE, split, 16))
                .expectNoEvents()
                .expectException(Violation.of("I19", "absenceOrUnpaidDuesSpansEnoughMonthsOfOneCalendarYear"));
    }

    @Test
    @DisplayName("I19: the month of the branch's vote counts as a month in breach")
    void theMonthOfTheBranchsVoteCountsAsAMonthInBreach() {
        List<YearMonth> upToTheVote = List.of(YearMonth.of(2024, 2), YearMonth.of(2024, 3), YearMonth.from(VOTED));
        fixture.given(fullMember())
                .when(propose(StrikeOffGround.ABSENCE_OR_DUES_3M, EVIDENCE, upToTheVote, 16))
                .expectEvents(new StrikeOffProposed("m1", StrikeOffGround.ABSENCE_OR_DUES_3M, EVIDENCE, upToTheVote,
                        VOTED, 30, 16, true));
    }

    @Test
    @DisplayName("I19: a month after the branch's vote cannot be counted as a month in breach")
    void aMonthAfterTheBranchsVoteCannotBeCountedAsAMonthInBreach() {
        List<YearMonth> pastTheVote = List.of(YearMonth.of(2024, 2), YearMonth.of(2024, 3),
                YearMonth.from(VOTED).plusMonths(1));
        fixture.given(fullMember())
                .when(propose(StrikeOffGround.ABSENCE_OR_DUES_3M, EVIDENCE, pastTheVote, 16))
                .expectNoEvents()
                .expectException(Violation.of("I19", "monthsInBreachHaveBegunByTheVote"));
    }

    @Test
    @DisplayName("I19: a strike-off proposal names the evidence on file")
    void aStrikeOffProposalNamesTheEvidenceOnFile() {
        fixture.given(fullMember())
                .when(propose(StrikeOffGround.CARD_RETURNED_OR_DESTROYED, List.of(), null, 16))
                .expectNoEvents()
                .expectException(Violation.of("I19", "aStrikeOffProposalCitesItsEvidence"));
    }

    @Test
    @DisplayName("I20: a proposal whose minutes state no electorate counts the branch's roll on the vote day")
    void aProposalWhoseMinutesStateNoElectorateCountsTheBranchsRollOnTheVoteDay() {
        fixture.given(fullMember())
                .when(new ProposeStrikeOff("m1", StrikeOffGround.ABSENCE_OR_DUES_3M, EVIDENCE, THREE_MONTHS, VOTED,
                        null, 16))
                .expectEvents(PROPOSED);
    }

    @Test
    @DisplayName("I20: a proposal stating another electorate than the branch's roll on the vote day is refused")
    void aProposalStatingAnotherElectorateThanTheBranchsRollIsRefused() {
        fixture.given(fullMember())
                .when(new ProposeStrikeOff("m1", StrikeOffGround.ABSENCE_OR_DUES_3M, EVIDENCE, THREE_MONTHS, VOTED,
                        29, 16))
                .expectNoEvents()
                .expectException(Violation.of("I20", "theElectorateIsTheBranchRollOfTheDay"));
    }

    @Test
    @DisplayName("I20: a branch vote cannot count more votes than the branch's full members")
    void aBranchVoteCannotCountMoreVotesThanTheBranchsFullMembers() {
        fixture.given(fullMember())
                .when(propose(StrikeOffGround.ABSENCE_OR_DUES_3M, EVIDENCE, THREE_MONTHS, 31))
                .expectNoEvents()
                .expectException(Violation.of("I20", "branchVoteCannotExceedItsFullMembers"));
    }

    @Test
    @DisplayName("I20: a probationary member is not proposed on the full members' strike-off path")
    void aProbationaryMemberIsNotProposedOnTheFullMembersStrikeOffPath() {
        fixture.given(probationary())
                .when(propose(StrikeOffGround.ABSENCE_OR_DUES_3M, EVIDENCE, THREE_MONTHS, 16))
                .expectNoEvents()
                .expectException(Violation.of("I20", "onlyAFullMemberIsStruckOff"));
    }

    @Test
    @DisplayName("I20: the committee that admits strikes off a member on the branch's passed proposal")
    void theCommitteeThatAdmitsStrikesOffAMemberOnTheBranchsPassedProposal() {
        fixture.given(plus(fullMember(), PROPOSED))
                .when(new StrikeOffMember("m1", BY_AUTHORITY))
                .expectEvents(STRUCK_OFF);
        assertThat(ledger.releases()).containsExactly(new RecordingMembershipLedger.Release(BRANCH, "m1", DECIDED));
    }

    @Test
    @DisplayName("I20: a member is not struck off without a passed branch proposal")
    void aMemberIsNotStruckOffWithoutAPassedBranchProposal() {
        fixture.given(plus(fullMember(), proposed(StrikeOffGround.ABSENCE_OR_DUES_3M, 15, false)))
                .when(new StrikeOffMember("m1", BY_AUTHORITY))
                .expectNoEvents()
                .expectException(Violation.of("I20", "strikeOffFollowsAPassedBranchProposal"));
        assertThat(ledger.releases()).isEmpty();
    }

    @Test
    @DisplayName("I20: the branch itself cannot strike a member off")
    void theBranchItselfCannotStrikeAMemberOff() {
        fixture.given(plus(fullMember(), PROPOSED))
                .when(new StrikeOffMember("m1", BY_BRANCH))
                .expectNoEvents()
                .expectException(Violation.of("I20", "strikeOffIsDecidedByTheCommitteeThatAdmits"));
    }

    @Test
    @DisplayName("I20: a member who asked to leave is struck off as leaving voluntarily")
    void aMemberWhoAskedToLeaveIsStruckOffAsLeavingVoluntarily() {
        fixture.given(plus(fullMember(), new VoluntaryExitRequested("m1", Sensitive.of("p1", "PERSONAL"), VOTED),
                        proposed(StrikeOffGround.VOLUNTARY_EXIT, 16, true)))
                .when(new StrikeOffMember("m1", BY_AUTHORITY))
                .expectEvents(new MemberStruckOff("m1", BRANCH, StrikeOffGround.VOLUNTARY_EXIT, AUTHORITY, DECIDED))
                .expectState(member -> assertThat(member.status()).isEqualTo(MemberStatus.LEFT_VOLUNTARILY));
    }

    @Test
    @DisplayName("I20: a voluntary exit is not proposed without the member's written request")
    void aVoluntaryExitIsNotProposedWithoutTheMembersWrittenRequest() {
        fixture.given(fullMember())
                .when(propose(StrikeOffGround.VOLUNTARY_EXIT, EVIDENCE, null, 16))
                .expectNoEvents()
                .expectException(Violation.of("I20", "aVoluntaryExitFollowsTheMembersOwnRequest"));
    }

    @Test
    @DisplayName("I20: a voluntary exit waits while a discipline case is open")
    void aVoluntaryExitWaitsWhileADisciplineCaseIsOpen() {
        fixture.given(plus(fullMember(), new VoluntaryExitRequested("m1", Sensitive.of("p1", "PERSONAL"), VOTED),
                        proposed(StrikeOffGround.VOLUNTARY_EXIT, 16, true),
                        new MemberSuspended("m1", AUTHORITY, VOTED)))
                .when(new StrikeOffMember("m1", BY_AUTHORITY))
                .expectNoEvents()
                .expectException(Violation.of("I20", "aVoluntaryExitWaitsForTheOpenDisciplineCase"));
    }

    @Test
    @DisplayName("VOLUNTARY_EXIT: a full member asks in writing to leave the Party")
    void aFullMemberAsksInWritingToLeaveTheParty() {
        fixture.given(fullMember())
                .when(new RequestVoluntaryExit("m1", "PERSONAL", VOTED))
                .expectEvents(new VoluntaryExitRequested("m1", Sensitive.of("p1", "PERSONAL"), VOTED));
    }

    @Test
    @DisplayName("a struck-off member cannot ask to leave again")
    void aStruckOffMemberCannotAskToLeaveAgain() {
        fixture.given(plus(fullMember(), PROPOSED, STRUCK_OFF))
                .when(new RequestVoluntaryExit("m1", "PERSONAL", VOTED))
                .expectNoEvents()
                .expectException(Violation.of("VOLUNTARY_EXIT", "onlyAFullMemberIsStruckOff"));
    }

    @Test
    @DisplayName("I26: after an appeal annulled the strike-off, membership is restored with party age continuous")
    void afterAnAppealAnnulledTheStrikeOffMembershipIsRestoredWithPartyAgeContinuous() {
        fixture.given(struckOffAndAnnulled())
                .when(new RestoreMembership("m1", PROVINCE))
                .expectEvents(new MembershipRestored("m1", BRANCH, MemberStatus.FULL, true, "province",
                        PROVINCE.docDate()))
                .expectState(member -> assertThat(member.status()).isEqualTo(MemberStatus.FULL));
        assertThat(ledger.enrolments()).containsExactly(new RecordingMembershipLedger.Enrolment(BRANCH, "m1",
                MemberStatus.FULL, PROVINCE.docDate()));
    }

    @Test
    @DisplayName("I26: membership is not restored by a decision dated the day before the annulment")
    void membershipIsNotRestoredByADecisionDatedTheDayBeforeTheAnnulment() {
        DecisionRef dayBefore = new DecisionRef("12-QĐ/TU", PROVINCE.docDate().minusDays(1), "province");
        fixture.given(struckOffAndAnnulled())
                .when(new RestoreMembership("m1", dayBefore))
                .expectNoEvents()
                .expectException(Violation.of("I26", "restorationFollowsTheAnnulmentOfTheExit"));
        assertThat(ledger.enrolments()).isEmpty();
    }

    @Test
    @DisplayName("I26: membership is not restored while the strike-off stands")
    void membershipIsNotRestoredWhileTheStrikeOffStands() {
        fixture.given(plus(fullMember(), PROPOSED, STRUCK_OFF, new AppealResolved("m1", AppealSubject.STRIKE_OFF,
                        AppealOutcome.UPHELD, "province", PROVINCE.docDate())))
                .when(new RestoreMembership("m1", PROVINCE))
                .expectNoEvents()
                .expectException(Violation.of("I26", "restorationFollowsTheAnnulmentOfTheExit"));
        assertThat(ledger.enrolments()).isEmpty();
    }

    @Test
    @DisplayName("I29: the branch records a member's death and takes them off the roll")
    void theBranchRecordsAMembersDeathAndTakesThemOffTheRoll() {
        LocalDate died = LocalDate.of(2024, 8, 3);
        fixture.given(fullMember())
                .when(new RecordDeath("m1", died))
                .expectEvents(new MemberDeceased("m1", BRANCH, died))
                .expectState(member -> assertThat(member.status()).isEqualTo(MemberStatus.DECEASED));
        assertThat(ledger.releases()).containsExactly(new RecordingMembershipLedger.Release(BRANCH, "m1", died));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a death that happened today is recorded today")
    void aDeathThatHappenedTodayIsRecordedToday() {
        fixture.given(fullMember())
                .when(new RecordDeath("m1", FixedToday.DATE))
                .expectEvents(new MemberDeceased("m1", BRANCH, FixedToday.DATE));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a death dated tomorrow is not recorded")
    void aDeathDatedTomorrowIsNotRecorded() {
        fixture.given(fullMember())
                .when(new RecordDeath("m1", FixedToday.DATE.plusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("BUSINESS_DATE_NOT_IN_THE_FUTURE", "businessDateIsNotInTheFuture"));
        assertThat(ledger.releases()).isEmpty();
    }

    @Test
    @DisplayName("I29: a death is recorded only for a member on the roll")
    void aDeathIsRecordedOnlyForAMemberOnTheRoll() {
        fixture.given(plus(fullMember(), PROPOSED, STRUCK_OFF))
                .when(new RecordDeath("m1", LocalDate.of(2024, 8, 3)))
                .expectNoEvents()
                .expectException(Violation.of("I29", "deathIsRecordedForAMemberOnTheRoll"));
    }

    @Test
    @DisplayName("I29: after death the record refuses the commands its entities handle")
    void afterDeathTheRecordRefusesTheCommandsItsEntitiesHandle() {
        fixture.given(deceased())
                .when(new SuspendPartyActivity("m1", BY_AUTHORITY))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMemberTakesNoFurtherCommands"));
    }

    @Test
    @DisplayName("I29: after death the record refuses the commands the member itself handles")
    void afterDeathTheRecordRefusesTheCommandsTheMemberItselfHandles() {
        fixture.given(deceased())
                .when(new AssignProbationMentor("m1", "m-intro3", DECIDED))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMemberTakesNoFurtherCommands"));
    }

    private static Object[] deceased() {
        return plus(fullMember(), new MemberDeceased("m1", BRANCH, LocalDate.of(2024, 8, 3)));
    }
}
