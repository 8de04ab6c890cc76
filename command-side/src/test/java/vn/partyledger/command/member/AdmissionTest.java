package vn.partyledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.Calendars;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.RecordingMembershipLedger;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.AdmissionRefused;
import vn.partyledger.domain.member.AdmitMember;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.DecideAdmission;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.RefuseAdmission;
import vn.partyledger.domain.member.RegisterOutstandingCandidate;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.command.member.RecruitmentHistory.APPROVED;
import static vn.partyledger.command.member.RecruitmentHistory.AUTHORITY;
import static vn.partyledger.command.member.RecruitmentHistory.BRANCH_PASSED;
import static vn.partyledger.command.member.RecruitmentHistory.BRANCH_VOTE;
import static vn.partyledger.command.member.RecruitmentHistory.DECIDED;
import static vn.partyledger.command.member.RecruitmentHistory.RECEIVED;
import static vn.partyledger.command.member.RecruitmentHistory.REGISTERED;
import static vn.partyledger.command.member.RecruitmentHistory.REGISTERED_EVENT;
import static vn.partyledger.command.member.RecruitmentHistory.WARD;
import static vn.partyledger.command.member.RecruitmentHistory.fileReadyForTheVote;
import static vn.partyledger.command.member.RecruitmentHistory.plus;
import static vn.partyledger.command.member.RecruitmentHistory.probationary;
import static vn.partyledger.command.member.RecruitmentHistory.votesPassed;

/** Candidacy, decision and ceremony: I7 and I8 in full, on a file whose votes passed (RecruitmentHistory). */
class AdmissionTest {

    /** 30 working days after 3 Jun 2020 with no holiday in between. */
    private static final LocalDate CEREMONY_DEADLINE = LocalDate.of(2020, 7, 15);
    private static final DecisionRef DECISION = new DecisionRef("245-QĐ/QU", DECIDED, AUTHORITY);

    private AggregateTestFixture<Member> fixture;
    private RecordingMembershipLedger ledger;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(Calendars.weekendsOnly());
    }

    private AggregateTestFixture<Member> fixtureWith(WorkingDayCalendar calendar) {
        ledger = new RecordingMembershipLedger();
        return RecruitmentHistory.fixture(calendar, ledger);
    }

    private static Object[] approvedFile() {
        return plus(votesPassed(), APPROVED);
    }

    @Test
    @DisplayName("I27: a candidate is registered in a branch that exists on the date")
    void aCandidateIsRegisteredInABranchThatExistsOnTheDate() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOutstandingCandidate("m1", "p1", "kp1", CandidateSource.YOUTH_UNION, "m-mentor",
                        REGISTERED))
                .expectEvents(REGISTERED_EVENT);
    }

    @Test
    @DisplayName("I27: a candidate cannot be registered in an organisation that is not a branch")
    void aCandidateCannotBeRegisteredInAnOrganisationThatIsNotABranch() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOutstandingCandidate("m1", "p1", "ward", CandidateSource.RESIDENT, null,
                        REGISTERED))
                .expectNoEvents()
                .expectException(Violation.of("I27", "memberBelongsToABranchThatExistsOnTheBusinessDate"));
    }

    @Test
    @DisplayName("I7: the competent committee's decision approves the admission of a candidate")
    void theCompetentCommitteesDecisionApprovesTheAdmissionOfACandidate() {
        fixture.given(votesPassed())
                .when(new DecideAdmission("m1", DECISION, RECEIVED, null))
                .expectEvents(APPROVED);
    }

    @Test
    @DisplayName("I7: an admission is decided only once")
    void anAdmissionIsDecidedOnlyOnce() {
        fixture.given(approvedFile())
                .when(new DecideAdmission("m1", DECISION, RECEIVED, null))
                .expectNoEvents()
                .expectException(Violation.of("I7", "admissionIsDecidedOnlyForACandidate"));
    }

    @Test
    @DisplayName("I7: an admission decision cannot be dated before the candidacy")
    void anAdmissionDecisionCannotBeDatedBeforeTheCandidacy() {
        DecisionRef early = new DecisionRef("1-QĐ/QU", REGISTERED.minusDays(1), AUTHORITY);
        fixture.given(votesPassed())
                .when(new DecideAdmission("m1", early, RECEIVED, null))
                .expectNoEvents()
                .expectException(Violation.of("I7", "admissionDecisionCannotPrecedeCandidacy"));
    }

    @Test
    @DisplayName("I7: the branch cannot receive a decision before it is signed")
    void theBranchCannotReceiveADecisionBeforeItIsSigned() {
        fixture.given(votesPassed())
                .when(new DecideAdmission("m1", DECISION, DECIDED.minusDays(1), null))
                .expectNoEvents()
                .expectException(Violation.of("I7", "branchCannotReceiveTheDecisionBeforeItIsSigned"));
    }

    @Test
    @DisplayName("I7: the branch receives the decision on the day it is signed")
    void theBranchReceivesTheDecisionOnTheDayItIsSigned() {
        fixture.given(votesPassed())
                .when(new DecideAdmission("m1", DECISION, DECIDED, null))
                .expectEvents(new AdmissionApproved("m1", DECIDED, AUTHORITY, DECIDED, false));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: the branch records today that it received the decision today")
    void theBranchRecordsTodayThatItReceivedTheDecisionToday() {
        fixture.given(votesPassed())
                .when(new DecideAdmission("m1", DECISION, FixedToday.DATE, null))
                .expectEvents(new AdmissionApproved("m1", DECIDED, AUTHORITY, FixedToday.DATE, false));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a receipt dated tomorrow cannot move the ceremony deadline")
    void aReceiptDatedTomorrowCannotMoveTheCeremonyDeadline() {
        fixture.given(votesPassed())
                .when(new DecideAdmission("m1", DECISION, FixedToday.DATE.plusDays(1), null))
                .expectNoEvents()
                .expectException(Violation.of("BUSINESS_DATE_NOT_IN_THE_FUTURE", "businessDateIsNotInTheFuture"));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a decision signed tomorrow is not recorded today")
    void aDecisionSignedTomorrowIsNotRecordedToday() {
        LocalDate tomorrow = FixedToday.DATE.plusDays(1);
        fixture.given(votesPassed())
                .when(new DecideAdmission("m1", decisionOn(tomorrow), tomorrow, null))
                .expectNoEvents()
                .expectException(Violation.of("BUSINESS_DATE_NOT_IN_THE_FUTURE", "businessDateIsNotInTheFuture"));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a ceremony held today is recorded today")
    void aCeremonyHeldTodayIsRecordedToday() {
        LocalDate today = FixedToday.DATE;
        fixture.given(plus(votesPassed(), new AdmissionApproved("m1", DECIDED, AUTHORITY, today.minusDays(7), false)))
                .when(new AdmitMember("m1", today, null))
                .expectEvents(new MemberAdmitted("m1", "p1", "kp1", today, today.plusMonths(12), DECIDED, false));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a ceremony dated tomorrow is not recorded today")
    void aCeremonyDatedTomorrowIsNotRecordedToday() {
        LocalDate today = FixedToday.DATE;
        fixture.given(plus(votesPassed(), new AdmissionApproved("m1", DECIDED, AUTHORITY, today.minusDays(7), false)))
                .when(new AdmitMember("m1", today.plusDays(1), null))
                .expectNoEvents()
                .expectException(Violation.of("BUSINESS_DATE_NOT_IN_THE_FUTURE", "businessDateIsNotInTheFuture"));
        assertThat(ledger.enrolments()).isEmpty();
    }

    @Test
    @DisplayName("I8: the ceremony admits the candidate as a probationary member for twelve months")
    void theCeremonyAdmitsTheCandidateAsAProbationaryMemberForTwelveMonths() {
        LocalDate ceremony = LocalDate.of(2020, 6, 19);
        fixture.given(approvedFile())
                .when(new AdmitMember("m1", ceremony, null))
                .expectEvents(new MemberAdmitted("m1", "p1", "kp1", ceremony, LocalDate.of(2021, 6, 19), DECIDED, false));
    }

    @Test
    @DisplayName("I8: the ceremony puts the new probationary member on the branch's roll")
    void theCeremonyPutsTheNewProbationaryMemberOnTheBranchsRoll() {
        LocalDate ceremony = LocalDate.of(2020, 6, 19);
        fixture.given(approvedFile())
                .when(new AdmitMember("m1", ceremony, null))
                .expectSuccessfulHandlerExecution();
        assertThat(ledger.enrolments()).containsExactly(
                new RecordingMembershipLedger.Enrolment("kp1", "m1", MemberStatus.PROBATIONARY, ceremony));
    }

    @Test
    @DisplayName("I8: a refused ceremony puts nobody on the roll")
    void aRefusedCeremonyPutsNobodyOnTheRoll() {
        fixture.given(REGISTERED_EVENT)
                .when(new AdmitMember("m1", LocalDate.of(2020, 6, 19), null))
                .expectException(RuleViolation.class);
        assertThat(ledger.enrolments()).isEmpty();
    }

    @Test
    @DisplayName("I8: a ceremony cannot be held without an approved admission")
    void aCeremonyCannotBeHeldWithoutAnApprovedAdmission() {
        fixture.given(REGISTERED_EVENT)
                .when(new AdmitMember("m1", LocalDate.of(2020, 6, 19), null))
                .expectNoEvents()
                .expectException(Violation.of("I8", "ceremonyRequiresAnApprovedAdmission"));
    }

    @Test
    @DisplayName("I8: a member cannot be admitted twice")
    void aMemberCannotBeAdmittedTwice() {
        fixture.given(plus(approvedFile(),
                        new MemberAdmitted("m1", "p1", "kp1", DECIDED, DECIDED.plusMonths(12), DECIDED, false)))
                .when(new AdmitMember("m1", LocalDate.of(2020, 6, 19), null))
                .expectNoEvents()
                .expectException(Violation.of("I8", "ceremonyRequiresAnApprovedAdmission"));
    }

    @Test
    @DisplayName("I8: the ceremony is held on the day the branch received the decision")
    void theCeremonyIsHeldOnTheDayTheBranchReceivedTheDecision() {
        fixture.given(approvedFile())
                .when(new AdmitMember("m1", RECEIVED, null))
                .expectEvents(new MemberAdmitted("m1", "p1", "kp1", RECEIVED, RECEIVED.plusMonths(12), DECIDED, false));
    }

    @Test
    @DisplayName("I8: the ceremony cannot be held the day before the branch received the decision")
    void theCeremonyCannotBeHeldTheDayBeforeTheBranchReceivedTheDecision() {
        fixture.given(approvedFile())
                .when(new AdmitMember("m1", RECEIVED.minusDays(1), null))
                .expectNoEvents()
                .expectException(Violation.of("I8", "ceremonyFollowsTheReceiptOfTheDecision"));
    }

    @Test
    @DisplayName("I8: a ceremony on the thirtieth working day after receipt is on time")
    void aCeremonyOnTheThirtiethWorkingDayAfterReceiptIsOnTime() {
        fixture.given(approvedFile())
                .when(new AdmitMember("m1", CEREMONY_DEADLINE, null))
                .expectEvents(new MemberAdmitted("m1", "p1", "kp1", CEREMONY_DEADLINE, CEREMONY_DEADLINE.plusMonths(12),
                        DECIDED, false));
    }

    @Test
    @DisplayName("I8: a ceremony later than thirty working days after receipt needs the superior committee's consent")
    void aCeremonyLaterThanThirtyWorkingDaysAfterReceiptNeedsTheSuperiorCommitteesConsent() {
        fixture.given(approvedFile())
                .when(new AdmitMember("m1", CEREMONY_DEADLINE.plusDays(1), null))
                .expectNoEvents()
                .expectException(Violation.of("I8", "ceremonyWithinThirtyWorkingDaysOfReceivingTheDecision"));
    }

    @Test
    @DisplayName("I8: a late ceremony with the superior committee's consent is recorded as such")
    void aLateCeremonyWithTheSuperiorCommitteesConsentIsRecordedAsSuch() {
        LocalDate late = CEREMONY_DEADLINE.plusDays(1);
        fixture.given(approvedFile())
                .when(new AdmitMember("m1", late, new DecisionRef("3-CV/QU", late, AUTHORITY)))
                .expectEvents(new MemberAdmitted("m1", "p1", "kp1", late, late.plusMonths(12), DECIDED, true));
    }

    @Test
    @DisplayName("I8: public holidays do not count towards the ceremony deadline")
    void publicHolidaysDoNotCountTowardsTheCeremonyDeadline() {
        fixture = fixtureWith(Calendars.withDaysOff(LocalDate.of(2020, 7, 1)));
        LocalDate dayAfterUsualDeadline = CEREMONY_DEADLINE.plusDays(1);
        fixture.given(approvedFile())
                .when(new AdmitMember("m1", dayAfterUsualDeadline, null))
                .expectEvents(new MemberAdmitted("m1", "p1", "kp1", dayAfterUsualDeadline,
                        dayAfterUsualDeadline.plusMonths(12), DECIDED, false));
    }

    /** Decided on 7 Dec 2020 and received on 9 Dec: the thirtieth working day after falls in January 2021. */
    private static Object[] approvedInDecember() {
        return plus(votesPassed(), new AdmissionApproved("m1", LocalDate.of(2020, 12, 7), AUTHORITY,
                LocalDate.of(2020, 12, 9), false));
    }

    @Test
    @DisplayName("WORKING_DAY_CALENDAR: a ceremony in time is held though its deadline is in a year not yet published")
    void aCeremonyInTimeIsHeldThoughItsDeadlineLiesInAYearNotYetPublished() {
        fixture = fixtureWith(Calendars.publishedFor(2020, 2020));
        LocalDate ceremony = LocalDate.of(2020, 12, 28);
        fixture.given(approvedInDecember())
                .when(new AdmitMember("m1", ceremony, null))
                .expectEvents(new MemberAdmitted("m1", "p1", "kp1", ceremony, ceremony.plusMonths(12),
                        LocalDate.of(2020, 12, 7), false));
    }

    @Test
    @DisplayName("WORKING_DAY_CALENDAR: a ceremony in a year whose calendar is not published is refused")
    void aCeremonyInAYearWhoseCalendarIsNotPublishedIsRefused() {
        fixture = fixtureWith(Calendars.publishedFor(2020, 2020));
        fixture.given(approvedInDecember())
                .when(new AdmitMember("m1", LocalDate.of(2021, 1, 5), null))
                .expectNoEvents()
                .expectException(Violation.of("WORKING_DAY_CALENDAR", "aDeadlineIsCountedOnlyThroughPublishedYears"));
        assertThat(ledger.enrolments()).isEmpty();
    }

    /** The 60th working day after the branch resolution: the last day for an admission decision on time. */
    private static LocalDate decisionDeadline() {
        return Calendars.weekendsOnly().plusWorkingDays(BRANCH_VOTE, 60);
    }

    private static DecisionRef decisionOn(LocalDate date) {
        return new DecisionRef("245-QĐ/QU", date, AUTHORITY);
    }

    @Test
    @DisplayName("I7: an admission is not decided before the grassroots committee passed it")
    void anAdmissionIsNotDecidedBeforeTheGrassrootsCommitteePassedIt() {
        fixture.given(plus(fileReadyForTheVote(), BRANCH_PASSED))
                .when(new DecideAdmission("m1", DECISION, RECEIVED, null))
                .expectNoEvents()
                .expectException(Violation.of("I7", "admissionFollowsThePassedVotes"));
    }

    @Test
    @DisplayName("I7: an admission is decided by the committee competent on the decision's date")
    void anAdmissionIsDecidedByTheCommitteeCompetentOnTheDecisionsDate() {
        fixture.given(votesPassed())
                .when(new DecideAdmission("m1", new DecisionRef("245-QĐ/ĐU", DECIDED, WARD), RECEIVED, null))
                .expectNoEvents()
                .expectException(Violation.of("I7", "decisionIsSignedByTheCompetentAuthority"));
    }

    @Test
    @DisplayName("I7: a decision later than sixty working days after the branch resolution is accepted and flagged")
    void aDecisionLaterThanSixtyWorkingDaysAfterTheBranchResolutionIsAcceptedAndFlagged() {
        LocalDate late = decisionDeadline().plusDays(1);
        fixture.given(votesPassed())
                .when(new DecideAdmission("m1", decisionOn(late), late, null))
                .expectEvents(new AdmissionApproved("m1", late, AUTHORITY, late, true));
    }

    @Test
    @DisplayName("I7: an extension with its reason allows thirty more working days for the decision")
    void anExtensionWithItsReasonAllowsThirtyMoreWorkingDaysForTheDecision() {
        LocalDate extended = Calendars.weekendsOnly().plusWorkingDays(decisionDeadline(), 30);
        fixture.given(votesPassed())
                .when(new DecideAdmission("m1", decisionOn(extended), extended, "verification abroad"))
                .expectEvents(new AdmissionApproved("m1", extended, AUTHORITY, extended, false));
    }

    @Test
    @DisplayName("I7: the competent committee may refuse an admission the branch passed")
    void theCompetentCommitteeMayRefuseAnAdmissionTheBranchPassed() {
        fixture.given(votesPassed())
                .when(new RefuseAdmission("m1", DECISION, "conduct"))
                .expectEvents(new AdmissionRefused("m1", DECIDED, AUTHORITY, Sensitive.of("p1", "conduct")));
    }

    @Test
    @DisplayName("I7: nothing is decided on a file the branch has not passed")
    void nothingIsDecidedOnAFileTheBranchHasNotPassed() {
        fixture.given(fileReadyForTheVote())
                .when(new RefuseAdmission("m1", DECISION, "conduct"))
                .expectNoEvents()
                .expectException(Violation.of("I7", "admissionFollowsThePassedVotes"));
    }
}
