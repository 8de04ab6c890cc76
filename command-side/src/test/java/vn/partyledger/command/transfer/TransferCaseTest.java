package vn.partyledger.command.transfer;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.process.AggregateMembersInTransfer;
import vn.partyledger.command.process.MembersInTransfer;
import vn.partyledger.command.support.Calendars;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.InMemoryGrassrootsOrganisations;
import vn.partyledger.command.support.Processes;
import vn.partyledger.command.support.InMemoryOrganisationRegistry;
import vn.partyledger.command.support.RecordingMembersInTransfer;
import vn.partyledger.command.support.RecordingMembershipLedger;
import vn.partyledger.command.support.SideRecords;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.domain.transfer.CancelTransfer;
import vn.partyledger.domain.transfer.CancellationReason;
import vn.partyledger.domain.transfer.EndTemporaryAttachment;
import vn.partyledger.domain.transfer.ExtendTemporaryAttachment;
import vn.partyledger.domain.transfer.IssueTransferLetter;
import vn.partyledger.domain.transfer.MarkTransferOverdue;
import vn.partyledger.domain.transfer.PresentTransferLetter;
import vn.partyledger.domain.transfer.ReissueTransferLetter;
import vn.partyledger.domain.transfer.TemporaryAttachmentEnded;
import vn.partyledger.domain.transfer.TemporaryAttachmentExtended;
import vn.partyledger.domain.transfer.TemporaryAttachmentImported;
import vn.partyledger.domain.transfer.TransferCancelled;
import vn.partyledger.domain.transfer.TransferEndedByDeath;
import vn.partyledger.domain.transfer.TransferLetterIssued;
import vn.partyledger.domain.transfer.TransferLetterPresented;
import vn.partyledger.domain.transfer.TransferLetterReissued;
import vn.partyledger.domain.transfer.TransferOverdue;
import vn.partyledger.domain.transfer.TransferPolicy;
import vn.partyledger.domain.transfer.TransferTrigger;
import vn.partyledger.domain.transfer.TransferType;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A transfer case from the letter to its presentation (I16–I18), overdue, cancelled, reissued and attachments. */
class TransferCaseTest {

    private static final LocalDate TRIGGER = LocalDate.of(2025, 6, 2);
    /** 60 working days after 2 Jun 2025, with no holiday in the test calendar. */
    private static final LocalDate START_DEADLINE = LocalDate.of(2025, 8, 25);
    private static final LocalDate LETTER = LocalDate.of(2025, 9, 2);
    /** 30 working days after 2 Sep 2025. */
    private static final LocalDate PRESENT_BY = LocalDate.of(2025, 10, 14);
    private static final DecisionRef LETTER_BY_WARD = new DecisionRef("31-GGT/ĐU", LETTER, "ward-15");
    private static final LocalDate RETURN = LETTER.plusMonths(6);
    /** The member dies while the letter is in transit, before its present-by date. */
    private static final LocalDate DIED = LETTER.plusDays(10);

    private final TransferLetterIssued official = issued(TransferType.OFFICIAL, TransferTrigger.RESIDENCE_CHANGE, null,
            false);
    private final TransferLetterIssued temporary = issued(TransferType.TEMPORARY, TransferTrigger.WORKPLACE_CHANGE,
            RETURN, false);

    private AggregateTestFixture<TransferCase> fixture;
    private RecordingMembersInTransfer members;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(Calendars.weekendsOnly());
    }

    private AggregateTestFixture<TransferCase> fixtureWith(WorkingDayCalendar calendar) {
        members = new RecordingMembersInTransfer();
        return fixtureWith(members, calendar);
    }

    private static AggregateTestFixture<TransferCase> fixtureWith(MembersInTransfer members) {
        return fixtureWith(members, Calendars.weekendsOnly());
    }

    /** Transfer cases between kp1 and kp2 of ward 15, whose steps reach the member's side through {@code members}. */
    private static AggregateTestFixture<TransferCase> fixtureWith(MembersInTransfer members,
                                                                  WorkingDayCalendar calendar) {
        AggregateTestFixture<TransferCase> fixture = new AggregateTestFixture<>(TransferCase.class);
        fixture.registerInjectableResource(FixedToday.today());
        fixture.registerInjectableResource(new InMemoryOrganisationRegistry()
                .with("kp1", OrganisationKind.SUBORDINATE_BRANCH, LocalDate.of(2010, 1, 4))
                .with("kp2", OrganisationKind.SUBORDINATE_BRANCH, LocalDate.of(2010, 1, 4))
                .with("ward-15", OrganisationKind.GRASSROOTS_COMMITTEE, LocalDate.of(2000, 1, 3)));
        fixture.registerInjectableResource(new InMemoryGrassrootsOrganisations()
                .with("kp1", "ward-15").with("kp2", "ward-15"));
        fixture.registerInjectableResource(calendar);
        fixture.registerInjectableResource(TransferPolicy.DEFAULTS);
        return Processes.ofTransfers(fixture, members);
    }

    private static TransferLetterIssued issued(TransferType type, TransferTrigger trigger, LocalDate expectedReturn,
                                               boolean late) {
        return new TransferLetterIssued("t1", "m1", type, "kp1", "kp2", "ward-15", "31-GGT/ĐU", LETTER, PRESENT_BY,
                trigger, TRIGGER, expectedReturn, late);
    }

    private static IssueTransferLetter issue(TransferType type, TransferTrigger trigger, String toOrgId,
                                             LocalDate requestedOn, LocalDate expectedReturn, DecisionRef letter) {
        return new IssueTransferLetter("t1", "m1", type, "kp1", toOrgId, trigger, TRIGGER, requestedOn,
                expectedReturn, letter);
    }

    private static IssueTransferLetter official(LocalDate requestedOn) {
        return issue(TransferType.OFFICIAL, TransferTrigger.RESIDENCE_CHANGE, "kp2", requestedOn, null,
                LETTER_BY_WARD);
    }

    private static IssueTransferLetter temporary(TransferTrigger trigger, LocalDate expectedReturn) {
        return issue(TransferType.TEMPORARY, trigger, "kp2", LETTER, expectedReturn, LETTER_BY_WARD);
    }

    @Test
    @DisplayName("I16: the sending authority issues an official letter to be presented within 30 working days")
    void theSendingAuthorityIssuesAnOfficialLetterToBePresentedWithinThirtyWorkingDays() {
        fixture.givenNoPriorActivity()
                .when(official(START_DEADLINE))
                .expectEvents(official);
        assertThat(members.steps()).containsExactly("open m1 t1 OFFICIAL kp1→kp2");
    }

    @Test
    @DisplayName("I16: a request more than 60 working days after the trigger is accepted and flagged LATE_TRANSFER_REQUEST")
    void aRequestMoreThanSixtyWorkingDaysAfterTheTriggerIsFlaggedLate() {
        fixture.givenNoPriorActivity()
                .when(official(START_DEADLINE.plusDays(1)))
                .expectEvents(issued(TransferType.OFFICIAL, TransferTrigger.RESIDENCE_CHANGE, null, true));
    }

    @Test
    @DisplayName("I16: a letter is issued on the day the member asked for the transfer")
    void aLetterIsIssuedOnTheDayTheMemberAskedForTheTransfer() {
        fixture.givenNoPriorActivity()
                .when(official(LETTER))
                .expectEvents(issued(TransferType.OFFICIAL, TransferTrigger.RESIDENCE_CHANGE, null, true));
    }

    @Test
    @DisplayName("I16: a letter cannot be dated the day before the member asked for the transfer")
    void aLetterCannotBeDatedTheDayBeforeTheMemberAskedForTheTransfer() {
        fixture.givenNoPriorActivity()
                .when(official(LETTER.plusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I16", "aLetterIsIssuedNoEarlierThanItWasRequested"));
        assertThat(members.steps()).isEmpty();
    }

    @Test
    @DisplayName("WORKING_DAY_CALENDAR: a letter's present-by date is counted through a published year")
    void aLettersPresentByDateIsCountedThroughThePublishedYear() {
        fixture = fixtureWith(Calendars.publishedFor(2025, 2025));
        fixture.givenNoPriorActivity()
                .when(official(START_DEADLINE))
                .expectEvents(official);
    }

    @Test
    @DisplayName("WORKING_DAY_CALENDAR: a letter whose present-by date falls in a year not yet published is refused")
    void aLetterWhosePresentByDateFallsInAYearNotYetPublishedIsRefused() {
        fixture = fixtureWith(Calendars.publishedFor(2025, 2025));
        LocalDate december = LocalDate.of(2025, 12, 8);
        fixture.givenNoPriorActivity()
                .when(issue(TransferType.OFFICIAL, TransferTrigger.RESIDENCE_CHANGE, "kp2", december, null,
                        new DecisionRef("31-GGT/ĐU", december, "ward-15")))
                .expectNoEvents()
                .expectException(Violation.of("WORKING_DAY_CALENDAR", "aDeadlineIsCountedOnlyThroughPublishedYears"));
        assertThat(members.steps()).isEmpty();
    }

    @Test
    @DisplayName("I16: a transfer letter is issued by the sending grassroots committee, not by the branch")
    void aTransferLetterIsIssuedByTheSendingGrassrootsCommitteeNotByTheBranch() {
        fixture.givenNoPriorActivity()
                .when(issue(TransferType.OFFICIAL, TransferTrigger.RESIDENCE_CHANGE, "kp2", LETTER, null,
                        new DecisionRef("1-GGT/CB", LETTER, "kp1")))
                .expectNoEvents()
                .expectException(Violation.of("I16", "theLetterIsIssuedByTheSendingAuthority"));
        assertThat(members.steps()).isEmpty();
    }

    @Test
    @DisplayName("I16: a transfer goes to another branch of this deployment")
    void aTransferGoesToAnotherBranchOfThisDeployment() {
        fixture.givenNoPriorActivity()
                .when(issue(TransferType.OFFICIAL, TransferTrigger.RESIDENCE_CHANGE, "kp-elsewhere", LETTER, null,
                        LETTER_BY_WARD))
                .expectNoEvents()
                .expectException(Violation.of("I16", "aTransferIsBetweenTwoBranchesOfThisDeployment"));
    }

    @Test
    @DisplayName("I16: a transfer does not go to the branch the member is leaving")
    void aTransferDoesNotGoToTheBranchTheMemberIsLeaving() {
        fixture.givenNoPriorActivity()
                .when(issue(TransferType.OFFICIAL, TransferTrigger.RESIDENCE_CHANGE, "kp1", LETTER, null,
                        LETTER_BY_WARD))
                .expectNoEvents()
                .expectException(Violation.of("I16", "aTransferIsBetweenTwoBranchesOfThisDeployment"));
    }

    @Test
    @DisplayName("I16: a refusal on the member's side (e.g. a struck-off member) issues no letter")
    void aRefusalOnTheMembersSideIssuesNoLetter() {
        members.refuseOpeningWith(new RuleViolation(Invariant.I16, "onlyAProbationaryOrFullMemberIsTransferred",
                "This record is STRUCK_OFF."));
        fixture.givenNoPriorActivity()
                .when(official(LETTER))
                .expectNoEvents()
                .expectException(Violation.of("I16", "onlyAProbationaryOrFullMemberIsTransferred"));
    }

    @Test
    @DisplayName("I17: a temporary transfer for work expects the return from three months to under a year")
    void aTemporaryTransferForWorkExpectsTheReturnFromThreeMonthsToUnderAYear() {
        fixture.givenNoPriorActivity()
                .when(temporary(TransferTrigger.WORKPLACE_CHANGE, RETURN))
                .expectEvents(temporary);
    }

    @Test
    @DisplayName("I17: a temporary transfer for work of a full year is refused: it must be an official transfer")
    void aTemporaryTransferForWorkOfAFullYearIsRefused() {
        fixture.givenNoPriorActivity()
                .when(temporary(TransferTrigger.WORKPLACE_CHANGE, LETTER.plusMonths(12)))
                .expectNoEvents()
                .expectException(Violation.of("I17",
                        "aTemporaryTransferLastsFromThreeMonthsToUnderAYearOrTwoYearsForStudy"));
    }

    @Test
    @DisplayName("I17: a temporary transfer shorter than three months is refused")
    void aTemporaryTransferShorterThanThreeMonthsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(temporary(TransferTrigger.RESIDENCE_CHANGE, LETTER.plusMonths(3).minusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I17",
                        "aTemporaryTransferLastsFromThreeMonthsToUnderAYearOrTwoYearsForStudy"));
    }

    @Test
    @DisplayName("I17: a temporary transfer for study may last two years")
    void aTemporaryTransferForStudyMayLastTwoYears() {
        fixture.givenNoPriorActivity()
                .when(temporary(TransferTrigger.STUDY, LETTER.plusMonths(24)))
                .expectEvents(issued(TransferType.TEMPORARY, TransferTrigger.STUDY, LETTER.plusMonths(24), false));
    }

    @Test
    @DisplayName("I17: a temporary transfer for study beyond two years is refused")
    void aTemporaryTransferForStudyBeyondTwoYearsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(temporary(TransferTrigger.STUDY, LETTER.plusMonths(24).plusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I17",
                        "aTemporaryTransferLastsFromThreeMonthsToUnderAYearOrTwoYearsForStudy"));
    }

    @Test
    @DisplayName("I17: a temporary transfer needs an expected return")
    void aTemporaryTransferNeedsAnExpectedReturn() {
        fixture.givenNoPriorActivity()
                .when(temporary(TransferTrigger.WORKPLACE_CHANGE, null))
                .expectNoEvents()
                .expectException(Violation.of("I17",
                        "aTemporaryTransferLastsFromThreeMonthsToUnderAYearOrTwoYearsForStudy"));
    }

    @Test
    @DisplayName("I18: an official letter presented on time to its addressee changes the member's home")
    void anOfficialLetterPresentedOnTimeToItsAddresseeChangesTheMembersHome() {
        fixture.given(official)
                .when(new PresentTransferLetter("t1", "kp2", PRESENT_BY, null))
                .expectEvents(new TransferLetterPresented("t1", "m1", TransferType.OFFICIAL, "kp2", PRESENT_BY, null));
        assertThat(members.steps()).containsExactly("changeHome m1 kp2 " + PRESENT_BY);
    }

    @Test
    @DisplayName("I18: a temporary letter presented attaches the member to the host and keeps the home")
    void aTemporaryLetterPresentedAttachesTheMemberToTheHost() {
        LocalDate presented = LETTER.plusDays(5);
        fixture.given(temporary)
                .when(new PresentTransferLetter("t1", "kp2", presented, null))
                .expectEvents(new TransferLetterPresented("t1", "m1", TransferType.TEMPORARY, "kp2", presented, null));
        assertThat(members.steps()).containsExactly("attach m1 kp2 " + presented + ".." + RETURN);
    }

    @Test
    @DisplayName("I18: a letter is presented to the branch it is addressed to")
    void aLetterIsPresentedToTheBranchItIsAddressedTo() {
        fixture.given(official)
                .when(new PresentTransferLetter("t1", "kp3", LETTER.plusDays(5), null))
                .expectNoEvents()
                .expectException(Violation.of("I18", "theLetterIsPresentedToItsAddressee"));
    }

    @Test
    @DisplayName("I18: a letter cannot be presented before its date")
    void aLetterCannotBePresentedBeforeItsDate() {
        fixture.given(official)
                .when(new PresentTransferLetter("t1", "kp2", LETTER.minusDays(1), null))
                .expectNoEvents()
                .expectException(Violation.of("I18", "aLetterIsPresentedNoEarlierThanItIsDated"));
    }

    @Test
    @DisplayName("I18: a letter presented after its deadline without the overdue mark is refused")
    void aLetterPresentedAfterItsDeadlineWithoutTheOverdueMarkIsRefused() {
        fixture.given(official)
                .when(new PresentTransferLetter("t1", "kp2", PRESENT_BY.plusDays(1), "ILLNESS"))
                .expectNoEvents()
                .expectException(Violation.of("I18", "aLatePresentationFollowsTheOverdueMarkAndNamesItsReason"));
    }

    @Test
    @DisplayName("I18: an overdue letter presented without a late reason is refused")
    void anOverdueLetterPresentedWithoutALateReasonIsRefused() {
        fixture.given(official, overdue())
                .when(new PresentTransferLetter("t1", "kp2", PRESENT_BY.plusDays(1), null))
                .expectNoEvents()
                .expectException(Violation.of("I18", "aLatePresentationFollowsTheOverdueMarkAndNamesItsReason"));
    }

    @Test
    @DisplayName("I18: an overdue letter presented with a late reason completes the transfer and reports the days late")
    void anOverdueLetterPresentedWithALateReasonCompletesTheTransferAndReportsTheDaysLate() {
        LocalDate late = PRESENT_BY.plusDays(3);
        fixture.given(official, overdue())
                .when(new PresentTransferLetter("t1", "kp2", late, "ILLNESS"))
                .expectEvents(new TransferLetterPresented("t1", "m1", TransferType.OFFICIAL, "kp2", late, "ILLNESS"));
        assertThat(members.steps()).containsExactly("changeHome m1 kp2 " + late,
                "presentedLate m1 " + PRESENT_BY + ".." + late);
    }

    @Test
    @DisplayName("I18: a letter already presented cannot be presented again")
    void aLetterAlreadyPresentedCannotBePresentedAgain() {
        fixture.given(official, presented(TransferType.OFFICIAL))
                .when(new PresentTransferLetter("t1", "kp2", PRESENT_BY, null))
                .expectNoEvents()
                .expectException(Violation.of("I18", "theLetterIsStillOpen"));
    }

    @Test
    @DisplayName("I18, TRANSFER_NOT_YET_OVERDUE: a letter still unpresented after its deadline is marked overdue")
    void aLetterStillUnpresentedAfterItsDeadlineIsMarkedOverdue() {
        fixture.given(official)
                .when(new MarkTransferOverdue("t1", PRESENT_BY.plusDays(1)))
                .expectEvents(overdue());
    }

    @Test
    @DisplayName("I18: a letter is not overdue on its present-by date")
    void aLetterIsNotOverdueOnItsPresentByDate() {
        fixture.given(official)
                .when(new MarkTransferOverdue("t1", PRESENT_BY))
                .expectNoEvents()
                .expectException(Violation.of("TRANSFER_NOT_YET_OVERDUE", "aLetterIsOverdueOnlyAfterItsPresentByDate"));
    }

    @Test
    @DisplayName("a letter is marked overdue once")
    void aLetterIsMarkedOverdueOnce() {
        fixture.given(official, overdue())
                .when(new MarkTransferOverdue("t1", PRESENT_BY.plusDays(5)))
                .expectNoEvents()
                .expectException(Violation.of("TRANSFER_NOT_IN_TRANSIT", "onlyALetterInTransitIsMarkedOverdueOnce"));
    }

    @Test
    @DisplayName("TRANSFER_NOT_IN_TRANSIT: a transfer in transit is cancelled and the member is freed of it")
    void aTransferInTransitIsCancelledAndTheMemberIsFreedOfIt() {
        LocalDate cancelled = LETTER.plusDays(7);
        fixture.given(official)
                .when(new CancelTransfer("t1", CancellationReason.MEMBER_STAYS, cancelled))
                .expectEvents(new TransferCancelled("t1", "m1", CancellationReason.MEMBER_STAYS, cancelled));
        assertThat(members.steps()).containsExactly("close m1 " + cancelled);
    }

    @Test
    @DisplayName("TRANSFER_NOT_IN_TRANSIT: a transfer is cancelled on the day its letter was issued")
    void aTransferIsCancelledOnTheDayItsLetterWasIssued() {
        fixture.given(official)
                .when(new CancelTransfer("t1", CancellationReason.ISSUED_IN_ERROR, LETTER))
                .expectEvents(new TransferCancelled("t1", "m1", CancellationReason.ISSUED_IN_ERROR, LETTER));
    }

    @Test
    @DisplayName("TRANSFER_NOT_IN_TRANSIT: a transfer was not in transit to be cancelled the day before its letter")
    void aTransferWasNotInTransitToBeCancelledTheDayBeforeItsLetter() {
        fixture.given(official)
                .when(new CancelTransfer("t1", CancellationReason.ISSUED_IN_ERROR, LETTER.minusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("TRANSFER_NOT_IN_TRANSIT", "onlyATransferInTransitChanges"));
        assertThat(members.steps()).isEmpty();
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a letter presented today is recorded")
    void aLetterPresentedTodayIsRecorded() {
        LocalDate today = FixedToday.DATE;
        fixture.given(official, new TransferOverdue("t1", "m1", PRESENT_BY, today, 1))
                .when(new PresentTransferLetter("t1", "kp2", today, "ILLNESS"))
                .expectEvents(new TransferLetterPresented("t1", "m1", TransferType.OFFICIAL, "kp2", today,
                        "ILLNESS"));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a letter presented tomorrow is not recorded today")
    void aLetterPresentedTomorrowIsNotRecordedToday() {
        LocalDate today = FixedToday.DATE;
        fixture.given(official, new TransferOverdue("t1", "m1", PRESENT_BY, today, 1))
                .when(new PresentTransferLetter("t1", "kp2", today.plusDays(1), "ILLNESS"))
                .expectNoEvents()
                .expectException(Violation.of("BUSINESS_DATE_NOT_IN_THE_FUTURE", "businessDateIsNotInTheFuture"));
        assertThat(members.steps()).isEmpty();
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a letter is not marked overdue as of tomorrow")
    void aLetterIsNotMarkedOverdueAsOfTomorrow() {
        fixture.given(official)
                .when(new MarkTransferOverdue("t1", FixedToday.DATE.plusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("BUSINESS_DATE_NOT_IN_THE_FUTURE", "businessDateIsNotInTheFuture"));
    }

    @Test
    @DisplayName("a completed transfer cannot be cancelled")
    void aCompletedTransferCannotBeCancelled() {
        fixture.given(official, presented(TransferType.OFFICIAL))
                .when(new CancelTransfer("t1", CancellationReason.ISSUED_IN_ERROR, PRESENT_BY))
                .expectNoEvents()
                .expectException(Violation.of("TRANSFER_NOT_IN_TRANSIT", "onlyATransferInTransitChanges"));
    }

    @Test
    @DisplayName("LETTER_NUMBER_REUSED: a lost letter is reissued with a new number and a new 30-working-day deadline, for the same case")
    void aLostLetterIsReissuedWithANewNumberAndANewDeadline() {
        LocalDate reissued = LocalDate.of(2025, 10, 20);
        fixture.given(official, overdue())
                .when(new ReissueTransferLetter("t1", new DecisionRef("40-GGT/ĐU", reissued, "ward-15")))
                .expectEvents(new TransferLetterReissued("t1", "m1", "31-GGT/ĐU", "40-GGT/ĐU", reissued,
                        LocalDate.of(2025, 12, 1)));
    }

    @Test
    @DisplayName("a reissued letter has a new number")
    void aReissuedLetterHasANewNumber() {
        fixture.given(official)
                .when(new ReissueTransferLetter("t1", LETTER_BY_WARD))
                .expectNoEvents()
                .expectException(Violation.of("LETTER_NUMBER_REUSED", "aReissuedLetterHasANewNumber"));
    }

    @Test
    @DisplayName("I16: a reissued letter too comes from the sending authority")
    void aReissuedLetterTooComesFromTheSendingAuthority() {
        fixture.given(official)
                .when(new ReissueTransferLetter("t1", new DecisionRef("2-GGT/CB", LETTER, "kp1")))
                .expectNoEvents()
                .expectException(Violation.of("I16", "theLetterIsIssuedByTheSendingAuthority"));
    }

    @Test
    @DisplayName("I17: a temporary attachment is extended within the temporary-transfer range")
    void aTemporaryAttachmentIsExtendedWithinTheRange() {
        LocalDate newUntil = LETTER.plusMonths(11);
        fixture.given(temporary, presented(TransferType.TEMPORARY))
                .when(new ExtendTemporaryAttachment("t1", newUntil, RETURN.minusDays(10)))
                .expectEvents(new TemporaryAttachmentExtended("t1", "m1", RETURN, newUntil, RETURN.minusDays(10)));
    }

    @Test
    @DisplayName("I17: an attachment for work is not extended to a full year")
    void anAttachmentForWorkIsNotExtendedToAFullYear() {
        fixture.given(temporary, presented(TransferType.TEMPORARY))
                .when(new ExtendTemporaryAttachment("t1", LETTER.plusMonths(12), RETURN.minusDays(10)))
                .expectNoEvents()
                .expectException(Violation.of("I17",
                        "aTemporaryTransferLastsFromThreeMonthsToUnderAYearOrTwoYearsForStudy"));
    }

    @Test
    @DisplayName("I17: an extension ends later than the current return date")
    void anExtensionEndsLaterThanTheCurrentReturnDate() {
        fixture.given(temporary, presented(TransferType.TEMPORARY))
                .when(new ExtendTemporaryAttachment("t1", RETURN, RETURN.minusDays(10)))
                .expectNoEvents()
                .expectException(Violation.of("I17", "anExtensionMovesTheReturnLater"));
    }

    @Test
    @DisplayName("ATTACHMENT_NOT_IN_FORCE: an attachment is extended on the day it began")
    void anAttachmentIsExtendedOnTheDayItBegan() {
        LocalDate began = LETTER.plusDays(5);
        LocalDate newUntil = LETTER.plusMonths(11);
        fixture.given(temporary, presented(TransferType.TEMPORARY))
                .when(new ExtendTemporaryAttachment("t1", newUntil, began))
                .expectEvents(new TemporaryAttachmentExtended("t1", "m1", RETURN, newUntil, began));
    }

    @Test
    @DisplayName("ATTACHMENT_NOT_IN_FORCE: an attachment is not extended the day before it began")
    void anAttachmentIsNotExtendedTheDayBeforeItBegan() {
        fixture.given(temporary, presented(TransferType.TEMPORARY))
                .when(new ExtendTemporaryAttachment("t1", LETTER.plusMonths(11), LETTER.plusDays(4)))
                .expectNoEvents()
                .expectException(Violation.of("ATTACHMENT_NOT_IN_FORCE", "anAttachmentIsExtendedOnceItHasBegun"));
    }

    @Test
    @DisplayName("an official transfer has no attachment to extend")
    void anOfficialTransferHasNoAttachmentToExtend() {
        fixture.given(official, presented(TransferType.OFFICIAL))
                .when(new ExtendTemporaryAttachment("t1", RETURN, LETTER.plusDays(20)))
                .expectNoEvents()
                .expectException(Violation.of("ATTACHMENT_NOT_IN_FORCE", "aTemporaryAttachmentIsInForce"));
    }

    @Test
    @DisplayName("ATTACHMENT_NOT_IN_FORCE, ATTACHMENT_RETURN_DATE: a temporary attachment ends when the member returns, with the host's feedback")
    void aTemporaryAttachmentEndsWhenTheMemberReturns() {
        fixture.given(temporary, presented(TransferType.TEMPORARY))
                .when(new EndTemporaryAttachment("t1", RETURN, "nx-kp2-7"))
                .expectEvents(new TemporaryAttachmentEnded("t1", "m1", "kp2", RETURN, "nx-kp2-7"));
        assertThat(members.steps()).containsExactly("close m1 " + RETURN);
    }

    /** A temporary attachment the paper file showed in force, imported with the member's record (ADR 0028). */
    private static TemporaryAttachmentImported importedAttachment() {
        return new TemporaryAttachmentImported("t1", "m1", "kp1", "kp2", TransferTrigger.WORKPLACE_CHANGE, LETTER,
                RETURN, "HS-0417/kp1", LETTER.plusMonths(1));
    }

    @Test
    @DisplayName("ATTACHMENT_NOT_IN_FORCE: an attachment imported from the paper file is in force, and its host ends it")
    void anImportedAttachmentIsInForceAndItsHostEndsIt() {
        fixture.given(importedAttachment())
                .when(new EndTemporaryAttachment("t1", RETURN, "nx-kp2-8"))
                .expectEvents(new TemporaryAttachmentEnded("t1", "m1", "kp2", RETURN, "nx-kp2-8"));
        assertThat(members.steps()).containsExactly("close m1 " + RETURN);
    }

    @Test
    @DisplayName("I17: an imported attachment is extended within the range counted from the day it began")
    void anImportedAttachmentIsExtendedWithinTheRangeCountedFromTheDayItBegan() {
        fixture.given(importedAttachment())
                .when(new ExtendTemporaryAttachment("t1", LETTER.plusMonths(11), RETURN.minusDays(10)))
                .expectEvents(new TemporaryAttachmentExtended("t1", "m1", RETURN, LETTER.plusMonths(11),
                        RETURN.minusDays(10)));

        fixture.given(importedAttachment())
                .when(new ExtendTemporaryAttachment("t1", LETTER.plusMonths(12), RETURN.minusDays(10)))
                .expectNoEvents()
                .expectException(Violation.of("I17",
                        "aTemporaryTransferLastsFromThreeMonthsToUnderAYearOrTwoYearsForStudy"));
    }

    @Test
    @DisplayName("a temporary attachment cannot end before it began")
    void aTemporaryAttachmentCannotEndBeforeItBegan() {
        fixture.given(temporary, presented(TransferType.TEMPORARY))
                .when(new EndTemporaryAttachment("t1", LETTER, null))
                .expectNoEvents()
                .expectException(Violation.of("ATTACHMENT_RETURN_DATE",
                        "theMemberReturnsNoEarlierThanTheAttachmentBegan"));
    }

    @Test
    @DisplayName("a temporary attachment not yet presented cannot end")
    void aTemporaryAttachmentNotYetPresentedCannotEnd() {
        fixture.given(temporary)
                .when(new EndTemporaryAttachment("t1", RETURN, null))
                .expectNoEvents()
                .expectException(Violation.of("ATTACHMENT_NOT_IN_FORCE", "aTemporaryAttachmentIsInForce"));
    }

    @Test
    @DisplayName("I29: a temporary letter presented the day before the member dies attaches them to the host")
    void aTemporaryLetterPresentedTheDayBeforeTheMemberDiesAttachesThem() {
        fixture.given(temporary)
                .when(new PresentTransferLetter("t1", "kp2", DIED.minusDays(1), null))
                .expectEvents(new TransferLetterPresented("t1", "m1", TransferType.TEMPORARY, "kp2",
                        DIED.minusDays(1), null));
        assertThat(members.steps()).containsExactly("attach m1 kp2 " + DIED.minusDays(1) + ".." + RETURN);
    }

    @Test
    @DisplayName("I29: a temporary letter presented after the member died does not attach them: the death ended it")
    void aTemporaryLetterPresentedAfterTheMemberDiedDoesNotAttachThem() {
        fixture.given(temporary, endedByDeath())
                .when(new PresentTransferLetter("t1", "kp2", DIED.plusDays(1), null))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMembersTransferTakesNoFurtherSteps"));
        assertThat(members.steps()).isEmpty();
    }

    @Test
    @DisplayName("I29: an official letter of a deceased member is not presented, even dated before the death")
    void anOfficialLetterOfADeceasedMemberIsNotPresentedEvenDatedBeforeTheDeath() {
        fixture.given(official, endedByDeath())
                .when(new PresentTransferLetter("t1", "kp2", DIED.minusDays(1), null))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMembersTransferTakesNoFurtherSteps"));
        assertThat(members.steps()).isEmpty();
    }

    @Test
    @DisplayName("I29: a transfer the death ended is not cancelled: there is nothing left to cancel")
    void aTransferTheDeathEndedIsNotCancelled() {
        fixture.given(official, endedByDeath())
                .when(new CancelTransfer("t1", CancellationReason.MEMBER_LEFT_THE_PARTY, DIED.plusDays(3)))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMembersTransferTakesNoFurtherSteps"));
        assertThat(members.steps()).isEmpty();
    }

    @Test
    @DisplayName("I29: a deceased member's lost letter is not reissued")
    void aDeceasedMembersLostLetterIsNotReissued() {
        fixture.given(official, endedByDeath())
                .when(new ReissueTransferLetter("t1", new DecisionRef("40-GGT/ĐU", DIED.plusDays(5), "ward-15")))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMembersTransferTakesNoFurtherSteps"));
    }

    @Test
    @DisplayName("I29: a deceased member's letter is not marked overdue")
    void aDeceasedMembersLetterIsNotMarkedOverdue() {
        fixture.given(official, endedByDeath())
                .when(new MarkTransferOverdue("t1", PRESENT_BY.plusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMembersTransferTakesNoFurtherSteps"));
    }

    @Test
    @DisplayName("I29: a deceased member's attachment is not extended")
    void aDeceasedMembersAttachmentIsNotExtended() {
        fixture.given(temporary, presented(TransferType.TEMPORARY), endedByDeath())
                .when(new ExtendTemporaryAttachment("t1", LETTER.plusMonths(11), DIED.plusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMembersTransferTakesNoFurtherSteps"));
    }

    @Test
    @DisplayName("I29: a deceased member does not return from an attachment: the death ended it")
    void aDeceasedMemberDoesNotReturnFromAnAttachment() {
        fixture.given(temporary, presented(TransferType.TEMPORARY), endedByDeath())
                .when(new EndTemporaryAttachment("t1", RETURN, "nx-kp2-7"))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMembersTransferTakesNoFurtherSteps"));
        assertThat(members.steps()).isEmpty();
    }

    @Test
    @DisplayName("I29: the death of a member attached to the host on the day of death ends the attachment")
    void theDeathOfAMemberAttachedOnTheDayOfDeathEndsTheAttachment() {
        fixture.given(temporary, new TransferLetterPresented("t1", "m1", TransferType.TEMPORARY, "kp2", DIED, null))
                .whenInvoking("t1", transfer -> transfer.endByDeath(DIED))
                .expectEvents(endedByDeath());
    }

    // The member's own record refuses too, for a case that was never told of the death (recorded before it could be).

    @Test
    @DisplayName("I29: no letter is issued for a deceased member")
    void noLetterIsIssuedForADeceasedMember() {
        SideRecords<Member> records = deceasedMember();
        fixtureWith(new AggregateMembersInTransfer(records.records(), new RecordingMembershipLedger()))
                .givenNoPriorActivity()
                .when(temporary(TransferTrigger.WORKPLACE_CHANGE, RETURN))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMemberTakesNoFurtherCommands"));
        assertThat(records.events("m1")).hasSize(3);
    }

    @Test
    @DisplayName("I29: a temporary letter the case holds open is refused by the deceased member's own record")
    void aTemporaryLetterTheCaseHoldsOpenIsRefusedByTheDeceasedMembersOwnRecord() {
        SideRecords<Member> records = deceasedMember();
        fixtureWith(new AggregateMembersInTransfer(records.records(), new RecordingMembershipLedger()))
                .given(temporary)
                .when(new PresentTransferLetter("t1", "kp2", DIED.plusDays(1), null))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMemberTakesNoFurtherCommands"));
        assertThat(records.events("m1")).hasSize(3);
    }

    /** Admitted to kp1 in 2020 and deceased on {@link #DIED}. */
    private static SideRecords<Member> deceasedMember() {
        return new SideRecords<>(Member.class).given("m1",
                new OutstandingCandidateRegistered("m1", "p1", "kp1", Sensitive.of("p1", CandidateSource.RESIDENT),
                        null, LocalDate.of(2019, 1, 7)),
                new MemberAdmitted("m1", "p1", "kp1", LocalDate.of(2020, 6, 19), LocalDate.of(2021, 6, 19),
                        LocalDate.of(2020, 6, 1), false),
                new MemberDeceased("m1", "kp1", DIED));
    }

    private static TransferEndedByDeath endedByDeath() {
        return new TransferEndedByDeath("t1", "m1", "kp2", DIED);
    }

    private static TransferOverdue overdue() {
        return new TransferOverdue("t1", "m1", PRESENT_BY, PRESENT_BY.plusDays(1), 1);
    }

    private static TransferLetterPresented presented(TransferType type) {
        return new TransferLetterPresented("t1", "m1", type, "kp2", LETTER.plusDays(5), null);
    }
}
