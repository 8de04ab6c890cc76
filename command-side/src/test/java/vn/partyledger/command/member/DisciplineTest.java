package vn.partyledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.RecordingMembershipLedger;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.discipline.AppealFiled;
import vn.partyledger.domain.discipline.AppealOutcome;
import vn.partyledger.domain.discipline.AppealResolved;
import vn.partyledger.domain.discipline.AppealSubject;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.FileAppeal;
import vn.partyledger.domain.discipline.ImposeDiscipline;
import vn.partyledger.domain.discipline.LiftSuspension;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MemberSuspended;
import vn.partyledger.domain.discipline.MemberSuspensionLifted;
import vn.partyledger.domain.discipline.ResolveAppeal;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.discipline.SuspendPartyActivity;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.member.ViolationCategory;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.command.member.LeavingHistory.BY_AUTHORITY;
import static vn.partyledger.command.member.LeavingHistory.BY_BRANCH;
import static vn.partyledger.command.member.LeavingHistory.DECIDED;
import static vn.partyledger.command.member.LeavingHistory.fullMember;
import static vn.partyledger.command.member.RecruitmentHistory.AUTHORITY;
import static vn.partyledger.command.member.RecruitmentHistory.BRANCH;
import static vn.partyledger.command.member.RecruitmentHistory.plus;
import static vn.partyledger.command.member.RecruitmentHistory.probationary;

/** Discipline (I12), suspension while a case is open, and appeals (I21) on the Member's discipline entity. */
class DisciplineTest {

    /** A Friday: 30 working days later, without holidays, is Friday 14 Jun 2024. */
    private static final LocalDate RECEIVED = LocalDate.of(2024, 5, 3);
    private static final DisciplineImposed WARNED = new DisciplineImposed("m1", DisciplineForm.WARNING, BRANCH, BRANCH,
            DECIDED, Sensitive.of("p1", ViolationCategory.NOT_RECORDED));
    private static final MemberStruckOff STRUCK_OFF = new MemberStruckOff("m1", BRANCH,
            StrikeOffGround.ABSENCE_OR_DUES_3M, AUTHORITY, LocalDate.of(2024, 5, 2));
    private static final DecisionRef PROVINCE = new DecisionRef("12-QĐ/TU", LocalDate.of(2024, 9, 2), "province");

    private AggregateTestFixture<Member> fixture;
    private RecordingMembershipLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = new RecordingMembershipLedger();
        fixture = LeavingHistory.fixture(ledger);
    }

    private static ImposeDiscipline impose(DisciplineForm form, boolean postHeld, DecisionRef decision) {
        return new ImposeDiscipline("m1", form, postHeld, decision);
    }

    @Test
    @DisplayName("I12: the branch warns one of its full members")
    void theBranchWarnsOneOfItsFullMembers() {
        fixture.given(fullMember())
                .when(impose(DisciplineForm.WARNING, false, BY_BRANCH))
                .expectEvents(WARNED);
    }

    @Test
    @DisplayName("I12: the branch does not expel its members")
    void theBranchDoesNotExpelItsMembers() {
        fixture.given(fullMember())
                .when(impose(DisciplineForm.EXPULSION, false, BY_BRANCH))
                .expectNoEvents()
                .expectException(Violation.of("I12", "aBranchOnlyReprimandsOrWarnsItsMembers"));
    }

    @Test
    @DisplayName("I12: a probationary member is only reprimanded or warned")
    void aProbationaryMemberIsOnlyReprimandedOrWarned() {
        fixture.given(probationary())
                .when(impose(DisciplineForm.EXPULSION, false, BY_AUTHORITY))
                .expectNoEvents()
                .expectException(Violation.of("I12", "aProbationaryMemberIsOnlyReprimandedOrWarned"));
    }

    @Test
    @DisplayName("I12: the superior standing committee expels a member and takes them off the roll")
    void theSuperiorStandingCommitteeExpelsAMemberAndTakesThemOffTheRoll() {
        fixture.given(fullMember())
                .when(impose(DisciplineForm.EXPULSION, false, BY_AUTHORITY))
                .expectEvents(new DisciplineImposed("m1", DisciplineForm.EXPULSION, BRANCH, AUTHORITY, DECIDED,
                        Sensitive.of("p1", ViolationCategory.NOT_RECORDED)))
                .expectState(member -> assertThat(member.status()).isEqualTo(MemberStatus.EXPELLED));
        assertThat(ledger.releases()).containsExactly(new RecordingMembershipLedger.Release(BRANCH, "m1", DECIDED));
    }

    @Test
    @DisplayName("I12: expulsion is decided by the discipline authority, not by another committee")
    void expulsionIsDecidedByTheDisciplineAuthorityNotByAnotherCommittee() {
        fixture.given(fullMember())
                .when(impose(DisciplineForm.EXPULSION, false, new DecisionRef("3-QĐ/ĐU", DECIDED, "ward")))
                .expectNoEvents()
                .expectException(Violation.of("I12", "dismissalAndExpulsionAreDecidedByTheDisciplineAuthority"));
        assertThat(ledger.releases()).isEmpty();
    }

    @Test
    @DisplayName("I12: the superior standing committee dismisses a member from the post they hold")
    void theSuperiorStandingCommitteeDismissesAMemberFromThePostTheyHold() {
        fixture.given(fullMember())
                .when(impose(DisciplineForm.DISMISSAL, true, BY_AUTHORITY))
                .expectEvents(new DisciplineImposed("m1", DisciplineForm.DISMISSAL, BRANCH, AUTHORITY, DECIDED,
                        Sensitive.of("p1", ViolationCategory.NOT_RECORDED)))
                .expectState(member -> assertThat(member.status()).isEqualTo(MemberStatus.FULL));
        assertThat(ledger.releases()).isEmpty();
    }

    @Test
    @DisplayName("I12: a member who holds no post cannot be dismissed from one")
    void aMemberWhoHoldsNoPostCannotBeDismissedFromOne() {
        fixture.given(fullMember())
                .when(impose(DisciplineForm.DISMISSAL, false, BY_AUTHORITY))
                .expectNoEvents()
                .expectException(Violation.of("I12", "dismissalIsOnlyFromAPostTheMemberHolds"));
    }

    @Test
    @DisplayName("I12: a struck-off person is no longer disciplined")
    void aStruckOffPersonIsNoLongerDisciplined() {
        fixture.given(plus(fullMember(), STRUCK_OFF))
                .when(impose(DisciplineForm.WARNING, false, BY_BRANCH))
                .expectNoEvents()
                .expectException(Violation.of("I12", "disciplineIsImposedOnAMemberOnTheRoll"));
    }

    @Test
    @DisplayName("SUSPENSION: a member's party activity is suspended while a discipline case is open")
    void aMembersPartyActivityIsSuspendedWhileADisciplineCaseIsOpen() {
        fixture.given(fullMember())
                .when(new SuspendPartyActivity("m1", BY_AUTHORITY))
                .expectEvents(new MemberSuspended("m1", AUTHORITY, DECIDED));
    }

    @Test
    @DisplayName("a suspended member is not suspended a second time")
    void aSuspendedMemberIsNotSuspendedASecondTime() {
        fixture.given(plus(fullMember(), new MemberSuspended("m1", AUTHORITY, DECIDED)))
                .when(new SuspendPartyActivity("m1", BY_AUTHORITY))
                .expectNoEvents()
                .expectException(Violation.of("SUSPENSION", "onlyAMemberOnTheRollIsSuspendedOnce"));
    }

    @Test
    @DisplayName("SUSPENSION: the suspension in force is lifted when the case closes")
    void theSuspensionInForceIsLiftedWhenTheCaseCloses() {
        fixture.given(plus(fullMember(), new MemberSuspended("m1", AUTHORITY, DECIDED)))
                .when(new LiftSuspension("m1", BY_AUTHORITY))
                .expectEvents(new MemberSuspensionLifted("m1", AUTHORITY, DECIDED));
    }

    @Test
    @DisplayName("SUSPENSION: a suspension is lifted on the day it began")
    void aSuspensionIsLiftedOnTheDayItBegan() {
        fixture.given(plus(fullMember(), new MemberSuspended("m1", AUTHORITY, DECIDED)))
                .when(new LiftSuspension("m1", new DecisionRef("46-QĐ/QU", DECIDED, AUTHORITY)))
                .expectEvents(new MemberSuspensionLifted("m1", AUTHORITY, DECIDED));
    }

    @Test
    @DisplayName("SUSPENSION: a suspension cannot be lifted the day before it began")
    void aSuspensionCannotBeLiftedTheDayBeforeItBegan() {
        fixture.given(plus(fullMember(), new MemberSuspended("m1", AUTHORITY, DECIDED)))
                .when(new LiftSuspension("m1", new DecisionRef("46-QĐ/QU", DECIDED.minusDays(1), AUTHORITY)))
                .expectNoEvents()
                .expectException(Violation.of("SUSPENSION", "onlyASuspensionInForceIsLifted"));
    }

    @Test
    @DisplayName("a suspension not in force cannot be lifted")
    void aSuspensionNotInForceCannotBeLifted() {
        fixture.given(fullMember())
                .when(new LiftSuspension("m1", BY_AUTHORITY))
                .expectNoEvents()
                .expectException(Violation.of("SUSPENSION", "onlyASuspensionInForceIsLifted"));
    }

    @Test
    @DisplayName("I21: a strike-off is appealed on the 30th working day after receiving it")
    void aStrikeOffIsAppealedOnTheThirtiethWorkingDayAfterReceivingIt() {
        LocalDate lastDay = LocalDate.of(2024, 6, 14);
        fixture.given(plus(fullMember(), STRUCK_OFF))
                .when(new FileAppeal("m1", AppealSubject.STRIKE_OFF, RECEIVED, lastDay))
                .expectEvents(new AppealFiled("m1", AppealSubject.STRIKE_OFF, RECEIVED, lastDay))
                .expectState(member -> assertThat(member.status()).isEqualTo(MemberStatus.STRUCK_OFF));
    }

    @Test
    @DisplayName("I21: a strike-off appeal after 30 working days is not processed")
    void aStrikeOffAppealAfterThirtyWorkingDaysIsNotProcessed() {
        fixture.given(plus(fullMember(), STRUCK_OFF))
                .when(new FileAppeal("m1", AppealSubject.STRIKE_OFF, RECEIVED, LocalDate.of(2024, 6, 17)))
                .expectNoEvents()
                .expectException(Violation.of("I21", "anAppealIsFiledWithinItsPeriodOfReceivingTheDecision"));
    }

    @Test
    @DisplayName("I21: a discipline decision is appealed within one month of receiving it")
    void aDisciplineDecisionIsAppealedWithinOneMonthOfReceivingIt() {
        LocalDate received = DECIDED.plusDays(2);
        fixture.given(plus(fullMember(), WARNED))
                .when(new FileAppeal("m1", AppealSubject.DISCIPLINE, received, received.plusMonths(1)))
                .expectEvents(new AppealFiled("m1", AppealSubject.DISCIPLINE, received, received.plusMonths(1)));
    }

    @Test
    @DisplayName("I21: a discipline appeal more than one month after receipt is not processed")
    void aDisciplineAppealMoreThanOneMonthAfterReceiptIsNotProcessed() {
        LocalDate received = DECIDED.plusDays(2);
        fixture.given(plus(fullMember(), WARNED))
                .when(new FileAppeal("m1", AppealSubject.DISCIPLINE, received, received.plusMonths(1).plusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I21", "anAppealIsFiledWithinItsPeriodOfReceivingTheDecision"));
    }

    @Test
    @DisplayName("I21: a strike-off is appealed on the day its decision was received")
    void aStrikeOffIsAppealedOnTheDayItsDecisionWasReceived() {
        fixture.given(plus(fullMember(), STRUCK_OFF))
                .when(new FileAppeal("m1", AppealSubject.STRIKE_OFF, RECEIVED, RECEIVED))
                .expectEvents(new AppealFiled("m1", AppealSubject.STRIKE_OFF, RECEIVED, RECEIVED));
    }

    @Test
    @DisplayName("I21: an appeal is not filed the day before its decision was received")
    void anAppealIsNotFiledTheDayBeforeItsDecisionWasReceived() {
        fixture.given(plus(fullMember(), STRUCK_OFF))
                .when(new FileAppeal("m1", AppealSubject.STRIKE_OFF, RECEIVED, RECEIVED.minusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I21", "anAppealIsFiledWithinItsPeriodOfReceivingTheDecision"));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: an appeal filed today is recorded")
    void anAppealFiledTodayIsRecorded() {
        LocalDate today = FixedToday.DATE;
        fixture.given(plus(fullMember(), STRUCK_OFF))
                .when(new FileAppeal("m1", AppealSubject.STRIKE_OFF, today, today))
                .expectEvents(new AppealFiled("m1", AppealSubject.STRIKE_OFF, today, today));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: an appeal dated tomorrow is not recorded")
    void anAppealDatedTomorrowIsNotRecorded() {
        LocalDate today = FixedToday.DATE;
        fixture.given(plus(fullMember(), STRUCK_OFF))
                .when(new FileAppeal("m1", AppealSubject.STRIKE_OFF, today, today.plusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("BUSINESS_DATE_NOT_IN_THE_FUTURE", "businessDateIsNotInTheFuture"));
    }

    @Test
    @DisplayName("I21: there is no appeal without a decision on record")
    void thereIsNoAppealWithoutADecisionOnRecord() {
        fixture.given(fullMember())
                .when(new FileAppeal("m1", AppealSubject.DISCIPLINE, RECEIVED, RECEIVED))
                .expectNoEvents()
                .expectException(Violation.of("I21", "anAppealIsAgainstADecisionOnRecord"));
    }

    @Test
    @DisplayName("I21: a second appeal waits until the pending one is resolved")
    void aSecondAppealWaitsUntilThePendingOneIsResolved() {
        fixture.given(plus(fullMember(), STRUCK_OFF, new AppealFiled("m1", AppealSubject.STRIKE_OFF, RECEIVED,
                        RECEIVED)))
                .when(new FileAppeal("m1", AppealSubject.STRIKE_OFF, RECEIVED, RECEIVED.plusDays(3)))
                .expectNoEvents()
                .expectException(Violation.of("I21", "oneAppealIsPendingAtATime"));
    }

    @Test
    @DisplayName("I21: the higher committee annuls the strike-off appealed against")
    void theHigherCommitteeAnnulsTheStrikeOffAppealedAgainst() {
        fixture.given(plus(fullMember(), STRUCK_OFF, new AppealFiled("m1", AppealSubject.STRIKE_OFF, RECEIVED,
                        RECEIVED)))
                .when(new ResolveAppeal("m1", AppealOutcome.ANNULLED, PROVINCE))
                .expectEvents(new AppealResolved("m1", AppealSubject.STRIKE_OFF, AppealOutcome.ANNULLED, "province",
                        PROVINCE.docDate()));
    }

    @Test
    @DisplayName("I21: an appeal is resolved on the day it was filed")
    void anAppealIsResolvedOnTheDayItWasFiled() {
        LocalDate filed = RECEIVED.plusDays(3);
        fixture.given(plus(fullMember(), STRUCK_OFF, new AppealFiled("m1", AppealSubject.STRIKE_OFF, RECEIVED,
                        filed)))
                .when(new ResolveAppeal("m1", AppealOutcome.UPHELD, new DecisionRef("12-QĐ/TU", filed, "province")))
                .expectEvents(new AppealResolved("m1", AppealSubject.STRIKE_OFF, AppealOutcome.UPHELD, "province",
                        filed));
    }

    @Test
    @DisplayName("I21: an appeal is not resolved the day before it was filed")
    void anAppealIsNotResolvedTheDayBeforeItWasFiled() {
        LocalDate filed = RECEIVED.plusDays(3);
        fixture.given(plus(fullMember(), STRUCK_OFF, new AppealFiled("m1", AppealSubject.STRIKE_OFF, RECEIVED,
                        filed)))
                .when(new ResolveAppeal("m1", AppealOutcome.UPHELD,
                        new DecisionRef("12-QĐ/TU", filed.minusDays(1), "province")))
                .expectNoEvents()
                .expectException(Violation.of("I21", "anAppealIsResolvedNoEarlierThanItWasFiled"));
    }

    @Test
    @DisplayName("I21: only a pending appeal is resolved")
    void onlyAPendingAppealIsResolved() {
        fixture.given(plus(fullMember(), STRUCK_OFF))
                .when(new ResolveAppeal("m1", AppealOutcome.ANNULLED, PROVINCE))
                .expectNoEvents()
                .expectException(Violation.of("I21", "onlyAPendingAppealIsResolved"));
    }
}
