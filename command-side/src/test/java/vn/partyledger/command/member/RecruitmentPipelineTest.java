package vn.partyledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.RecordingMembershipLedger;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.member.AdmissionRefused;
import vn.partyledger.domain.member.ApplicationFileExpired;
import vn.partyledger.domain.member.ApplicationSubmitted;
import vn.partyledger.domain.member.ApplicationWithdrawn;
import vn.partyledger.domain.member.AssignIntroducer;
import vn.partyledger.domain.member.AwarenessCourseCompleted;
import vn.partyledger.domain.member.BackgroundVerificationCompleted;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.CommentsSummaryRecorded;
import vn.partyledger.domain.member.ExpireApplication;
import vn.partyledger.domain.member.IntroducerAssigned;
import vn.partyledger.domain.member.IntroducerReplaced;
import vn.partyledger.domain.member.IntroducerReplacementReason;
import vn.partyledger.domain.member.IntroducerType;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.member.RecordAwarenessCourse;
import vn.partyledger.domain.member.RecordBackgroundVerification;
import vn.partyledger.domain.member.RecordCommentsSummary;
import vn.partyledger.domain.member.RegisterOutstandingCandidate;
import vn.partyledger.domain.member.ReplaceIntroducer;
import vn.partyledger.domain.member.SubmitApplication;
import vn.partyledger.domain.member.VerificationConclusion;
import vn.partyledger.domain.member.VerificationSubject;
import vn.partyledger.domain.member.WithdrawApplication;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;
import java.util.List;

import static vn.partyledger.command.member.RecruitmentHistory.APPLICATION;
import static vn.partyledger.command.member.RecruitmentHistory.APPLIED;
import static vn.partyledger.command.member.RecruitmentHistory.BRANCH;
import static vn.partyledger.command.member.RecruitmentHistory.FIRST_INTRODUCER;
import static vn.partyledger.command.member.RecruitmentHistory.INTRODUCED;
import static vn.partyledger.command.member.RecruitmentHistory.KNOWN_SINCE;
import static vn.partyledger.command.member.RecruitmentHistory.REGISTERED;
import static vn.partyledger.command.member.RecruitmentHistory.REGISTERED_EVENT;
import static vn.partyledger.command.member.RecruitmentHistory.fileReadyForTheVote;
import static vn.partyledger.command.member.RecruitmentHistory.plus;
import static vn.partyledger.command.member.RecruitmentHistory.probationary;

/** From outstanding candidate to a complete file: I3, I4, the order of the steps, withdrawal and stale files. */
class RecruitmentPipelineTest {

    private static final LocalDate AGAIN = LocalDate.of(2024, 3, 4);

    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = RecruitmentHistory.fixture(new RecordingMembershipLedger());
    }

    private static RegisterOutstandingCandidate registerAgain() {
        return new RegisterOutstandingCandidate("m1", "p1", BRANCH, CandidateSource.RESIDENT, null, AGAIN);
    }

    private static ProbationaryMemberStruckOff struckOff(LocalDate date) {
        return new ProbationaryMemberStruckOff("m1", BRANCH, date, RecruitmentHistory.AUTHORITY,
                Sensitive.of("p1", "unfit"));
    }

    private static AssignIntroducer member(String memberId, LocalDate knownSince) {
        return new AssignIntroducer("m1", IntroducerType.FULL_MEMBER, memberId, null, knownSince, INTRODUCED);
    }

    private static SubmitApplication application(boolean readmission, boolean youthUnionAge, boolean youthUnion) {
        return new SubmitApplication("m1", APPLIED, readmission, "LL-2020-07", youthUnionAge, youthUnion);
    }

    private static ApplicationSubmitted applied(boolean youthUnionAge, boolean youthUnion) {
        return new ApplicationSubmitted("m1", APPLIED, false, "LL-2020-07", youthUnionAge, youthUnion);
    }

    @Test
    @DisplayName("I3: a person on a roll cannot be registered as a candidate again")
    void aPersonOnARollCannotBeRegisteredAsACandidateAgain() {
        fixture.given(probationary())
                .when(registerAgain())
                .expectNoEvents()
                .expectException(Violation.of("I3", "candidateIsNotAlreadyAMemberOrInTheRecruitmentPipeline"));
    }

    @Test
    @DisplayName("I3: a candidate with an open file cannot be registered twice")
    void aCandidateWithAnOpenFileCannotBeRegisteredTwice() {
        fixture.given(REGISTERED_EVENT)
                .when(registerAgain())
                .expectNoEvents()
                .expectException(Violation.of("I3", "candidateIsNotAlreadyAMemberOrInTheRecruitmentPipeline"));
    }

    @Test
    @DisplayName("I3: a candidate whose file was withdrawn may be registered again")
    void aCandidateWhoseFileWasWithdrawnMayBeRegisteredAgain() {
        fixture.given(REGISTERED_EVENT, new ApplicationWithdrawn("m1", LocalDate.of(2020, 5, 4),
                Sensitive.of("p1", "moved away")))
                .when(registerAgain())
                .expectEvents(new OutstandingCandidateRegistered("m1", "p1", BRANCH,
                        Sensitive.of("p1", CandidateSource.RESIDENT), null,
                        AGAIN));
    }

    @Test
    @DisplayName("I3: a former member may become a candidate for re-admission once")
    void aFormerMemberMayBecomeACandidateForReadmissionOnce() {
        fixture.given(plus(probationary(), struckOff(LocalDate.of(2020, 12, 1))))
                .when(registerAgain())
                .expectEvents(new OutstandingCandidateRegistered("m1", "p1", BRANCH,
                        Sensitive.of("p1", CandidateSource.RESIDENT), null,
                        AGAIN));
    }

    @Test
    @DisplayName("I3: a person re-admitted once is never re-admitted again")
    void aPersonReadmittedOnceIsNeverReadmittedAgain() {
        Object[] twice = plus(plus(probationary(), struckOff(LocalDate.of(2020, 12, 1))), probationary());
        fixture.given(plus(twice, struckOff(LocalDate.of(2021, 12, 1))))
                .when(registerAgain())
                .expectNoEvents()
                .expectException(Violation.of("I3", "readmissionHappensOnlyOnceInALifetime"));
    }

    @Test
    @DisplayName("I3: an application is a re-admission exactly when the person was a member before")
    void anApplicationIsAReadmissionExactlyWhenThePersonWasAMemberBefore() {
        fixture.given(REGISTERED_EVENT)
                .when(application(true, false, false))
                .expectNoEvents()
                .expectException(Violation.of("I3", "applicationDeclaresAReadmissionExactlyForAFormerMember"));
    }

    @Test
    @DisplayName("PIPELINE_ORDER: a candidate's awareness-course certificate is recorded on the open file")
    void aCandidatesAwarenessCourseCertificateIsRecordedOnTheOpenFile() {
        fixture.given(REGISTERED_EVENT)
                .when(new RecordAwarenessCourse("m1", "GCN-118", "political-centre", LocalDate.of(2019, 11, 4)))
                .expectEvents(new AwarenessCourseCompleted("m1", "GCN-118", "political-centre",
                        LocalDate.of(2019, 11, 4)));
    }

    @Test
    @DisplayName("nothing is added to a file the candidate withdrew")
    void nothingIsAddedToAFileTheCandidateWithdrew() {
        fixture.given(REGISTERED_EVENT, new ApplicationWithdrawn("m1", LocalDate.of(2020, 5, 4),
                Sensitive.of("p1", "moved away")))
                .when(new RecordAwarenessCourse("m1", "GCN-118", "political-centre", LocalDate.of(2019, 11, 4)))
                .expectNoEvents()
                .expectException(Violation.of("PIPELINE_ORDER", "candidateFileIsOpen"));
    }

    @Test
    @DisplayName("PIPELINE_ORDER: a candidate applies once, stating the facts that decide the introducers")
    void aCandidateAppliesOnceStatingTheFactsThatDecideTheIntroducers() {
        fixture.given(REGISTERED_EVENT)
                .when(application(false, true, true))
                .expectEvents(applied(true, true));
    }

    @Test
    @DisplayName("a candidate cannot apply twice in one candidacy")
    void aCandidateCannotApplyTwiceInOneCandidacy() {
        fixture.given(REGISTERED_EVENT, APPLICATION)
                .when(application(false, false, false))
                .expectNoEvents()
                .expectException(Violation.of("PIPELINE_ORDER", "anApplicationIsSubmittedOncePerCandidacy"));
    }

    @Test
    @DisplayName("introducers and verification come after the application")
    void introducersAndVerificationComeAfterTheApplication() {
        fixture.given(REGISTERED_EVENT)
                .when(member("m-intro1", KNOWN_SINCE))
                .expectNoEvents()
                .expectException(Violation.of("PIPELINE_ORDER", "recruitmentStepsFollowTheApplication"));
    }

    @Test
    @DisplayName("PIPELINE_ORDER: the comments summary is filed on the day of the application")
    void theCommentsSummaryIsFiledOnTheDayOfTheApplication() {
        fixture.given(REGISTERED_EVENT, APPLICATION)
                .when(new RecordCommentsSummary("m1", "TH-03", APPLIED))
                .expectEvents(new CommentsSummaryRecorded("m1", "TH-03", APPLIED));
    }

    @Test
    @DisplayName("PIPELINE_ORDER: a background verification concluded the day before the application did not follow it")
    void aBackgroundVerificationConcludedTheDayBeforeTheApplicationDidNotFollowIt() {
        fixture.given(REGISTERED_EVENT, APPLICATION)
                .when(new RecordBackgroundVerification("m1", List.of(VerificationSubject.CANDIDATE),
                        VerificationConclusion.CLEAR, "ward", APPLIED.minusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("PIPELINE_ORDER", "recruitmentStepsFollowTheApplication"));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a comments summary filed today is recorded")
    void aCommentsSummaryFiledTodayIsRecorded() {
        fixture.given(REGISTERED_EVENT, APPLICATION)
                .when(new RecordCommentsSummary("m1", "TH-03", FixedToday.DATE))
                .expectEvents(new CommentsSummaryRecorded("m1", "TH-03", FixedToday.DATE));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a comments summary dated tomorrow is not recorded")
    void aCommentsSummaryDatedTomorrowIsNotRecorded() {
        fixture.given(REGISTERED_EVENT, APPLICATION)
                .when(new RecordCommentsSummary("m1", "TH-03", FixedToday.DATE.plusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("BUSINESS_DATE_NOT_IN_THE_FUTURE", "businessDateIsNotInTheFuture"));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a candidate registered tomorrow is not registered today")
    void aCandidateRegisteredTomorrowIsNotRegisteredToday() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOutstandingCandidate("m1", "p1", BRANCH, CandidateSource.RESIDENT, null,
                        FixedToday.DATE.plusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("BUSINESS_DATE_NOT_IN_THE_FUTURE", "businessDateIsNotInTheFuture"));
    }

    @Test
    @DisplayName("the background verification's conclusion is recorded with its subjects as role codes")
    void theBackgroundVerificationsConclusionIsRecordedWithItsSubjectsAsRoleCodes() {
        List<VerificationSubject> subjects = List.of(VerificationSubject.CANDIDATE, VerificationSubject.SPOUSE);
        LocalDate concluded = LocalDate.of(2020, 3, 2);
        fixture.given(REGISTERED_EVENT, APPLICATION)
                .when(new RecordBackgroundVerification("m1", subjects, VerificationConclusion.ISSUES_RESOLVED, "ward",
                        concluded))
                .expectEvents(new BackgroundVerificationCompleted("m1", subjects,
                        VerificationConclusion.ISSUES_RESOLVED, "ward", concluded));
    }

    @Test
    @DisplayName("I4: a full member who has known the candidate for twelve months introduces them")
    void aFullMemberWhoHasKnownTheCandidateForTwelveMonthsIntroducesThem() {
        fixture.given(REGISTERED_EVENT, APPLICATION)
                .when(member("m-intro1", INTRODUCED.minusMonths(12)))
                .expectEvents(new IntroducerAssigned("m1", IntroducerType.FULL_MEMBER, "m-intro1", null,
                        INTRODUCED.minusMonths(12), INTRODUCED));
    }

    @Test
    @DisplayName("I4: a probationary member cannot introduce a candidate")
    void aProbationaryMemberCannotIntroduceACandidate() {
        fixture.given(REGISTERED_EVENT, APPLICATION)
                .when(member("m-probationer", KNOWN_SINCE))
                .expectNoEvents()
                .expectException(Violation.of("I4", "introducerIsAFullMemberOnTheBranchRoll"));
    }

    @Test
    @DisplayName("I4: an introducer the ledger does not know is refused: the branch's members are imported first")
    void anIntroducerTheLedgerDoesNotKnowIsRefused() {
        fixture.given(REGISTERED_EVENT, APPLICATION)
                .when(member("m-on-paper-only", KNOWN_SINCE))
                .expectNoEvents()
                .expectException(Violation.of("I4", "introducerIsAFullMemberOnTheBranchRoll"));
    }

    @Test
    @DisplayName("I4: a full member on another branch's roll does not introduce this branch's candidate")
    void aFullMemberOnAnotherBranchsRollDoesNotIntroduceThisBranchsCandidate() {
        fixture.given(REGISTERED_EVENT, APPLICATION)
                .when(member("m-other-branch", KNOWN_SINCE))
                .expectNoEvents()
                .expectException(Violation.of("I4", "introducerIsAFullMemberOnTheBranchRoll"));
    }

    @Test
    @DisplayName("I4: a full member on the branch's roll for less than twelve months does not introduce a candidate")
    void aFullMemberOnTheBranchsRollForLessThanTwelveMonthsDoesNotIntroduceACandidate() {
        fixture.given(REGISTERED_EVENT, APPLICATION)
                .when(member("m-newcomer", KNOWN_SINCE))
                .expectNoEvents()
                .expectException(Violation.of("I4", "introducerHasKnownTheCandidateForTwelveMonths"));
    }

    @Test
    @DisplayName("I4: a replacement introducer on the branch's roll for less than twelve months is accepted")
    void aReplacementIntroducerOnTheRollForLessThanTwelveMonthsIsAccepted() {
        LocalDate replaced = LocalDate.of(2020, 3, 2);
        fixture.given(REGISTERED_EVENT, APPLICATION, FIRST_INTRODUCER)
                .when(new ReplaceIntroducer("m1", "m-intro1", "m-newcomer", IntroducerReplacementReason.DISCIPLINED,
                        replaced))
                .expectEvents(new IntroducerReplaced("m1", "m-intro1", "m-newcomer",
                        IntroducerReplacementReason.DISCIPLINED, replaced));
    }

    @Test
    @DisplayName("I4: an introducer who has known the candidate for less than twelve months cannot introduce them")
    void anIntroducerWhoHasKnownTheCandidateForLessThanTwelveMonthsCannotIntroduceThem() {
        fixture.given(REGISTERED_EVENT, APPLICATION)
                .when(member("m-intro1", INTRODUCED.minusMonths(12).plusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I4", "introducerHasKnownTheCandidateForTwelveMonths"));
    }

    @Test
    @DisplayName("I4: a third full member does not fit a file that needs two")
    void aThirdFullMemberDoesNotFitAFileThatNeedsTwo() {
        fixture.given(REGISTERED_EVENT, APPLICATION, FIRST_INTRODUCER, RecruitmentHistory.SECOND_INTRODUCER)
                .when(member("m-intro3", KNOWN_SINCE))
                .expectNoEvents()
                .expectException(Violation.of("I4", "introducersFollowTheRequiredComposition"));
    }

    @Test
    @DisplayName("I4: a youth of Youth-Union age where there is a Youth Union is introduced by its committee")
    void aYouthOfYouthUnionAgeWhereThereIsAYouthUnionIsIntroducedByItsCommittee() {
        fixture.given(REGISTERED_EVENT, applied(true, true))
                .when(new AssignIntroducer("m1", IntroducerType.YOUTH_UNION_COMMITTEE, null, "NQ-05/ĐTN", null,
                        INTRODUCED))
                .expectEvents(new IntroducerAssigned("m1", IntroducerType.YOUTH_UNION_COMMITTEE, null, "NQ-05/ĐTN",
                        null, INTRODUCED));
    }

    @Test
    @DisplayName("I4: a youth of Youth-Union age where there is a Youth Union has exactly one member introducer")
    void aYouthOfYouthUnionAgeWhereThereIsAYouthUnionHasExactlyOneMemberIntroducer() {
        fixture.given(REGISTERED_EVENT, applied(true, true), FIRST_INTRODUCER)
                .when(member("m-intro2", KNOWN_SINCE))
                .expectNoEvents()
                .expectException(Violation.of("I4", "introducersFollowTheRequiredComposition"));
    }

    @Test
    @DisplayName("I4: the trade-union committee introduces only where there is no Youth Union")
    void theTradeUnionCommitteeIntroducesOnlyWhereThereIsNoYouthUnion() {
        fixture.given(REGISTERED_EVENT, applied(false, true))
                .when(new AssignIntroducer("m1", IntroducerType.TRADE_UNION_COMMITTEE, null, "NQ-2/CĐ", null,
                        INTRODUCED))
                .expectNoEvents()
                .expectException(Violation.of("I4", "introducersFollowTheRequiredComposition"));
    }

    @Test
    @DisplayName("I4: a committee introduces by a resolution")
    void aCommitteeIntroducesByAResolution() {
        fixture.given(REGISTERED_EVENT, APPLICATION)
                .when(new AssignIntroducer("m1", IntroducerType.TRADE_UNION_COMMITTEE, null, " ", null, INTRODUCED))
                .expectNoEvents()
                .expectException(Violation.of("I4", "aCommitteeIntroducesByResolution"));
    }

    @Test
    @DisplayName("I4: a replacement introducer need not have known the candidate for twelve months")
    void aReplacementIntroducerNeedNotHaveKnownTheCandidateForTwelveMonths() {
        LocalDate replaced = LocalDate.of(2020, 3, 2);
        fixture.given(REGISTERED_EVENT, APPLICATION, FIRST_INTRODUCER)
                .when(new ReplaceIntroducer("m1", "m-intro1", "m-intro3", IntroducerReplacementReason.TRANSFERRED,
                        replaced))
                .expectEvents(new IntroducerReplaced("m1", "m-intro1", "m-intro3",
                        IntroducerReplacementReason.TRANSFERRED, replaced));
    }

    @Test
    @DisplayName("I4: only an assigned introducer is replaced")
    void onlyAnAssignedIntroducerIsReplaced() {
        fixture.given(REGISTERED_EVENT, APPLICATION, FIRST_INTRODUCER)
                .when(new ReplaceIntroducer("m1", "m-intro2", "m-intro3", IntroducerReplacementReason.TRANSFERRED,
                        LocalDate.of(2020, 3, 2)))
                .expectNoEvents()
                .expectException(Violation.of("I4", "onlyAnAssignedIntroducerIsReplaced"));
    }

    @Test
    @DisplayName("I4: a replacement introducer is a full member too")
    void aReplacementIntroducerIsAFullMemberToo() {
        fixture.given(REGISTERED_EVENT, APPLICATION, FIRST_INTRODUCER)
                .when(new ReplaceIntroducer("m1", "m-intro1", "m-probationer",
                        IntroducerReplacementReason.DISCIPLINED, LocalDate.of(2020, 3, 2)))
                .expectNoEvents()
                .expectException(Violation.of("I4", "introducerIsAFullMemberOnTheBranchRoll"));
    }

    @Test
    @DisplayName("a candidate withdraws an open application")
    void aCandidateWithdrawsAnOpenApplication() {
        LocalDate withdrawn = LocalDate.of(2020, 5, 4);
        fixture.given(fileReadyForTheVote())
                .when(new WithdrawApplication("m1", withdrawn, "moved away"))
                .expectEvents(new ApplicationWithdrawn("m1", withdrawn, Sensitive.of("p1", "moved away")));
    }

    @Test
    @DisplayName("a refused candidate's file is closed and cannot be withdrawn")
    void aRefusedCandidatesFileIsClosedAndCannotBeWithdrawn() {
        fixture.given(plus(RecruitmentHistory.votesPassed(),
                        new AdmissionRefused("m1", RecruitmentHistory.DECIDED, RecruitmentHistory.AUTHORITY,
                                Sensitive.of("p1", "no"))))
                .when(new WithdrawApplication("m1", LocalDate.of(2020, 7, 1), "moved away"))
                .expectNoEvents()
                .expectException(Violation.of("PIPELINE_ORDER", "candidateFileIsOpen"));
    }

    @Test
    @DisplayName("FILE_STALE: a file with no passed branch vote twelve months after it was compiled expires")
    void aFileWithNoPassedBranchVoteTwelveMonthsAfterItWasCompiledExpires() {
        LocalDate expired = APPLIED.plusMonths(12).plusDays(1);
        fixture.given(fileReadyForTheVote())
                .when(new ExpireApplication("m1", expired))
                .expectEvents(new ApplicationFileExpired("m1", expired, APPLIED));
    }

    @Test
    @DisplayName("a file does not expire within twelve months of being compiled")
    void aFileDoesNotExpireWithinTwelveMonthsOfBeingCompiled() {
        fixture.given(fileReadyForTheVote())
                .when(new ExpireApplication("m1", APPLIED.plusMonths(12)))
                .expectNoEvents()
                .expectException(Violation.of("FILE_STALE", "onlyAFileThatWentStaleBeforeTheBranchVoteExpires"));
    }

    @Test
    @DisplayName("registering a candidate still needs a branch on the date after re-admission opened the record")
    void registeringACandidateStillNeedsABranchOnTheDate() {
        fixture.given(REGISTERED_EVENT, new ApplicationWithdrawn("m1", LocalDate.of(2020, 5, 4),
                Sensitive.of("p1", "moved away")))
                .when(new RegisterOutstandingCandidate("m1", "p1", BRANCH, CandidateSource.RESIDENT, null,
                        REGISTERED.withYear(2009)))
                .expectNoEvents()
                .expectException(Violation.of("I27", "memberBelongsToABranchThatExistsOnTheBusinessDate"));
    }
}
