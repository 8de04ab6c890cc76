package vn.partyledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.InMemoryPersonRegister;
import vn.partyledger.command.support.RecordingMembershipLedger;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.member.AwarenessCourseCompleted;
import vn.partyledger.domain.member.BackgroundVerificationCompleted;
import vn.partyledger.domain.member.BranchAdmissionVoteRecorded;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.CommentsSummaryRecorded;
import vn.partyledger.domain.member.CommitteeAdmissionVoteRecorded;
import vn.partyledger.domain.member.ConsentKind;
import vn.partyledger.domain.member.EducationLevel;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.ProvincialConsentRecorded;
import vn.partyledger.domain.member.RecordBranchAdmissionVote;
import vn.partyledger.domain.member.RecordCommitteeAdmissionVote;
import vn.partyledger.domain.member.VerificationConclusion;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static vn.partyledger.command.member.RecruitmentHistory.APPLIED;
import static vn.partyledger.command.member.RecruitmentHistory.BRANCH_PASSED;
import static vn.partyledger.command.member.RecruitmentHistory.BRANCH_VOTE;
import static vn.partyledger.command.member.RecruitmentHistory.COMMITTEE_VOTE;
import static vn.partyledger.command.member.RecruitmentHistory.FULL_MEMBERS_ON_ROLL;
import static vn.partyledger.command.member.RecruitmentHistory.WARD;
import static vn.partyledger.command.member.RecruitmentHistory.fileReadyForTheVote;
import static vn.partyledger.command.member.RecruitmentHistory.plus;

/** The branch's and the grassroots committee's admission votes: I5 and I6. */
class AdmissionVotesTest {

    private static final int TWO_THIRDS = 20;
    private static final int AGE = 300;
    private static final int COURSE_INDEX = 1;
    private static final int SECOND_INTRODUCER_INDEX = 4;
    private static final int VERIFICATION_INDEX = 5;
    private static final int COMMENTS_INDEX = 6;

    private final InMemoryPersonRegister register = new InMemoryPersonRegister();
    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = RecruitmentHistory.fixture(register, new RecordingMembershipLedger());
    }

    /** The vote, with the candidate in the register as born {@code age} months before it, with that education. */
    private RecordBranchAdmissionVote vote(LocalDate date, int fullMembers, int inFavour, int age,
                                          EducationLevel education) {
        register.with("p1", date.minusMonths(age), education);
        return new RecordBranchAdmissionVote("m1", "meeting-04", date, fullMembers, inFavour, 3);
    }

    private RecordBranchAdmissionVote vote(int inFavour, int age, EducationLevel education) {
        return vote(BRANCH_VOTE, FULL_MEMBERS_ON_ROLL, inFavour, age, education);
    }

    private static BranchAdmissionVoteRecorded recorded(int inFavour, boolean passed) {
        return new BranchAdmissionVoteRecorded("m1", "meeting-04", BRANCH_VOTE, FULL_MEMBERS_ON_ROLL, inFavour, 3,
                passed);
    }

    /** The ready file with one of its events replaced (null leaves it out). */
    private static Object[] fileWith(int index, Object replacement) {
        Object[] file = fileReadyForTheVote();
        file[index] = replacement;
        return Arrays.stream(file).filter(event -> event != null).toArray();
    }

    private static Object consent(ConsentKind kind) {
        return new ProvincialConsentRecorded("m1", kind, LocalDate.of(2020, 3, 16), "hcmc");
    }

    @Test
    @DisplayName("I5: the branch passes an admission with two thirds of all its full members in favour")
    void theBranchPassesAnAdmissionWithTwoThirdsOfAllItsFullMembersInFavour() {
        fixture.given(fileReadyForTheVote())
                .when(vote(TWO_THIRDS, AGE, EducationLevel.UPPER_SECONDARY))
                .expectEvents(recorded(TWO_THIRDS, true));
    }

    @Test
    @DisplayName("I5: one vote short of two thirds of the full members is recorded as not passed")
    void oneVoteShortOfTwoThirdsOfTheFullMembersIsRecordedAsNotPassed() {
        fixture.given(fileReadyForTheVote())
                .when(vote(TWO_THIRDS - 1, AGE, EducationLevel.UPPER_SECONDARY))
                .expectEvents(recorded(TWO_THIRDS - 1, false));
    }

    @Test
    @DisplayName("I5: the branch votes again after a failed vote")
    void theBranchVotesAgainAfterAFailedVote() {
        fixture.given(plus(fileReadyForTheVote(), recorded(TWO_THIRDS - 1, false)))
                .when(vote(TWO_THIRDS, AGE, EducationLevel.UPPER_SECONDARY))
                .expectEvents(recorded(TWO_THIRDS, true));
    }

    @Test
    @DisplayName("I5: the branch does not vote again on an admission it passed")
    void theBranchDoesNotVoteAgainOnAnAdmissionItPassed() {
        fixture.given(plus(fileReadyForTheVote(), BRANCH_PASSED))
                .when(vote(TWO_THIRDS, AGE, EducationLevel.UPPER_SECONDARY))
                .expectNoEvents()
                .expectException(Violation.of("I5", "theBranchVotesAgainOnlyAfterAFailedVote"));
    }

    @Test
    @DisplayName("I5: the branch does not vote before the candidate applied")
    void theBranchDoesNotVoteBeforeTheCandidateApplied() {
        fixture.given(RecruitmentHistory.REGISTERED_EVENT, RecruitmentHistory.COURSE)
                .when(vote(TWO_THIRDS, AGE, EducationLevel.UPPER_SECONDARY))
                .expectNoEvents()
                .expectException(Violation.of("PIPELINE_ORDER", "recruitmentStepsFollowTheApplication"));
    }

    @Test
    @DisplayName("I5: an awareness certificate sixty months old on the vote date is still valid")
    void anAwarenessCertificateSixtyMonthsOldOnTheVoteDateIsStillValid() {
        fixture.given(fileWith(COURSE_INDEX, new AwarenessCourseCompleted("m1", "GCN-1", "political-centre",
                        BRANCH_VOTE.minusMonths(60))))
                .when(vote(TWO_THIRDS, AGE, EducationLevel.UPPER_SECONDARY))
                .expectEvents(recorded(TWO_THIRDS, true));
    }

    @Test
    @DisplayName("I5: the branch does not vote on a candidate whose awareness certificate has expired")
    void theBranchDoesNotVoteOnACandidateWhoseAwarenessCertificateHasExpired() {
        fixture.given(fileWith(COURSE_INDEX, new AwarenessCourseCompleted("m1", "GCN-1", "political-centre",
                        BRANCH_VOTE.minusMonths(60).minusDays(1))))
                .when(vote(TWO_THIRDS, AGE, EducationLevel.UPPER_SECONDARY))
                .expectNoEvents()
                .expectException(Violation.of("I5", "awarenessCertificateIsValidOnTheVoteDate"));
    }

    @Test
    @DisplayName("I5: an awareness certificate issued on the day of the vote is valid on the vote date")
    void anAwarenessCertificateIssuedOnTheDayOfTheVoteIsValidOnTheVoteDate() {
        fixture.given(fileWith(COURSE_INDEX, new AwarenessCourseCompleted("m1", "GCN-1", "political-centre",
                        BRANCH_VOTE)))
                .when(vote(TWO_THIRDS, AGE, EducationLevel.UPPER_SECONDARY))
                .expectEvents(recorded(TWO_THIRDS, true));
    }

    @Test
    @DisplayName("I5: an awareness certificate issued the day after the vote was not valid when the branch voted")
    void anAwarenessCertificateIssuedTheDayAfterTheVoteWasNotValidWhenTheBranchVoted() {
        fixture.given(fileWith(COURSE_INDEX, new AwarenessCourseCompleted("m1", "GCN-1", "political-centre",
                        BRANCH_VOTE.plusDays(1))))
                .when(vote(TWO_THIRDS, AGE, EducationLevel.UPPER_SECONDARY))
                .expectNoEvents()
                .expectException(Violation.of("I5", "awarenessCertificateIsValidOnTheVoteDate"));
    }

    @Test
    @DisplayName("I5: the branch votes on a comments summary filed the same day")
    void theBranchVotesOnACommentsSummaryFiledTheSameDay() {
        fixture.given(fileWith(COMMENTS_INDEX, new CommentsSummaryRecorded("m1", "TH-03", BRANCH_VOTE)))
                .when(vote(TWO_THIRDS, AGE, EducationLevel.UPPER_SECONDARY))
                .expectEvents(recorded(TWO_THIRDS, true));
    }

    @Test
    @DisplayName("I5: the branch does not vote on a file whose comments summary is dated the day after the vote")
    void theBranchDoesNotVoteOnAFileWhoseCommentsSummaryIsDatedTheDayAfterTheVote() {
        fixture.given(fileWith(COMMENTS_INDEX, new CommentsSummaryRecorded("m1", "TH-03", BRANCH_VOTE.plusDays(1))))
                .when(vote(TWO_THIRDS, AGE, EducationLevel.UPPER_SECONDARY))
                .expectNoEvents()
                .expectException(Violation.of("I5", "documentsOnFileAreDatedNoLaterThanTheVote"));
    }

    @Test
    @DisplayName("I5: the branch does not vote while background verification is blocking")
    void theBranchDoesNotVoteWhileBackgroundVerificationIsBlocking() {
        fixture.given(fileWith(VERIFICATION_INDEX, new BackgroundVerificationCompleted("m1",
                        List.of(), VerificationConclusion.BLOCKING, WARD, LocalDate.of(2020, 3, 2))))
                .when(vote(TWO_THIRDS, AGE, EducationLevel.UPPER_SECONDARY))
                .expectNoEvents()
                .expectException(Violation.of("I5", "backgroundVerificationConcludedWithoutBlockingIssues"));
    }

    @Test
    @DisplayName("I5: the branch does not vote on a file missing an introducer")
    void theBranchDoesNotVoteOnAFileMissingAnIntroducer() {
        fixture.given(fileWith(SECOND_INTRODUCER_INDEX, null))
                .when(vote(TWO_THIRDS, AGE, EducationLevel.UPPER_SECONDARY))
                .expectNoEvents()
                .expectException(Violation.of("I5", "requiredIntroducersArePresent"));
    }

    @Test
    @DisplayName("I5: the branch does not vote before the comments summary is filed")
    void theBranchDoesNotVoteBeforeTheCommentsSummaryIsFiled() {
        fixture.given(fileWith(fileReadyForTheVote().length - 1, null))
                .when(vote(TWO_THIRDS, AGE, EducationLevel.UPPER_SECONDARY))
                .expectNoEvents()
                .expectException(Violation.of("I5", "commentsSummaryIsFiled"));
    }

    @Test
    @DisplayName("I5: the branch does not vote on a file compiled more than twelve months before")
    void theBranchDoesNotVoteOnAFileCompiledMoreThanTwelveMonthsBefore() {
        fixture.given(fileReadyForTheVote())
                .when(vote(APPLIED.plusMonths(12).plusDays(1), FULL_MEMBERS_ON_ROLL, TWO_THIRDS, AGE,
                        EducationLevel.UPPER_SECONDARY))
                .expectNoEvents()
                .expectException(Violation.of("I5", "fileIsNotStaleOnTheVoteDate"));
    }

    @Test
    @DisplayName("I5: a candidate not in the person register cannot be voted on, as age and education are unknown")
    void aCandidateNotInThePersonRegisterCannotBeVotedOn() {
        fixture.given(fileReadyForTheVote())
                .when(new RecordBranchAdmissionVote("m1", "meeting-04", BRANCH_VOTE, FULL_MEMBERS_ON_ROLL, TWO_THIRDS,
                        3))
                .expectNoEvents()
                .expectException(Violation.of("I5", "candidateIsInThePersonRegister"));
    }

    @Test
    @DisplayName("I5: a candidate born exactly 216 months before the vote, per the person register, may be voted on")
    void aCandidateAgedExactly216CompletedMonthsMayBeVotedOn() {
        fixture.given(fileReadyForTheVote())
                .when(vote(TWO_THIRDS, 216, EducationLevel.UPPER_SECONDARY))
                .expectEvents(recorded(TWO_THIRDS, true));
    }

    @Test
    @DisplayName("I5: a candidate under eighteen on the vote date cannot be voted on")
    void aCandidateUnderEighteenOnTheVoteDateCannotBeVotedOn() {
        fixture.given(fileReadyForTheVote())
                .when(vote(TWO_THIRDS, 215, EducationLevel.UPPER_SECONDARY))
                .expectNoEvents()
                .expectException(Violation.of("I5", "ageIsWithinTheAdmissionLimitsUnlessTheProvinceConsented"));
    }

    @Test
    @DisplayName("I5: a candidate over sixty needs the province's consent")
    void aCandidateOverSixtyNeedsTheProvincesConsent() {
        fixture.given(fileReadyForTheVote())
                .when(vote(TWO_THIRDS, 721, EducationLevel.UPPER_SECONDARY))
                .expectNoEvents()
                .expectException(Violation.of("I5", "ageIsWithinTheAdmissionLimitsUnlessTheProvinceConsented"));
    }

    @Test
    @DisplayName("I5: a candidate over sixty with the province's consent may be voted on")
    void aCandidateOverSixtyWithTheProvincesConsentMayBeVotedOn() {
        fixture.given(plus(fileReadyForTheVote(), consent(ConsentKind.OVER_AGE_LIMIT)))
                .when(vote(TWO_THIRDS, 721, EducationLevel.UPPER_SECONDARY))
                .expectEvents(recorded(TWO_THIRDS, true));
    }

    @Test
    @DisplayName("I5: a candidate without lower-secondary education needs an exception")
    void aCandidateWithoutLowerSecondaryEducationNeedsAnException() {
        fixture.given(fileReadyForTheVote())
                .when(vote(TWO_THIRDS, AGE, EducationLevel.PRIMARY))
                .expectNoEvents()
                .expectException(Violation.of("I5", "educationIsAtLeastLowerSecondaryUnlessTheProvinceConsented"));
    }

    @Test
    @DisplayName("I5: a candidate with an education exception consented may be voted on")
    void aCandidateWithAnEducationExceptionConsentedMayBeVotedOn() {
        fixture.given(plus(fileReadyForTheVote(), consent(ConsentKind.EDUCATION_EXCEPTION)))
                .when(vote(TWO_THIRDS, AGE, EducationLevel.PRIMARY))
                .expectEvents(recorded(TWO_THIRDS, true));
    }

    @Test
    @DisplayName("I5: a vote stating a different number of full members than the branch's roll is refused")
    void aVoteStatingADifferentNumberOfFullMembersThanTheBranchsRollIsRefused() {
        fixture.given(fileReadyForTheVote())
                .when(vote(BRANCH_VOTE, 27, 18, AGE, EducationLevel.UPPER_SECONDARY))
                .expectNoEvents()
                .expectException(Violation.of("I5", "theElectorateIsTheBranchRollOfTheDay"));
    }

    @Test
    @DisplayName("I5: minutes that state no electorate are counted against the branch's roll on the vote day")
    void minutesThatStateNoElectorateAreCountedAgainstTheBranchsRoll() {
        register.with("p1", BRANCH_VOTE.minusMonths(AGE), EducationLevel.UPPER_SECONDARY);
        fixture.given(fileReadyForTheVote())
                .when(new RecordBranchAdmissionVote("m1", "meeting-04", BRANCH_VOTE, null, TWO_THIRDS, 3))
                .expectEvents(recorded(TWO_THIRDS, true));
    }

    @Test
    @DisplayName("I5: a branch with no full members on its roll has no vote, not even of none out of none")
    void aBranchWithNoFullMembersOnItsRollHasNoVote() {
        Object[] file = fileReadyForTheVote();
        file[0] = new OutstandingCandidateRegistered("m1", "p1", "grassroots-branch",
                Sensitive.of("p1", CandidateSource.RESIDENT), null, RecruitmentHistory.REGISTERED);
        fixture.given(file)
                .when(vote(BRANCH_VOTE, 0, 0, AGE, EducationLevel.UPPER_SECONDARY))
                .expectNoEvents()
                .expectException(Violation.of("I5", "theElectorateIsTheBranchRollOfTheDay"));
    }

    @Test
    @DisplayName("I5: more votes than full members are refused")
    void moreVotesThanFullMembersAreRefused() {
        fixture.given(fileReadyForTheVote())
                .when(vote(FULL_MEMBERS_ON_ROLL, AGE, EducationLevel.UPPER_SECONDARY))
                .expectNoEvents()
                .expectException(Violation.of("I5", "votesCannotExceedTheElectorate"));
    }

    @Test
    @DisplayName("I6: the grassroots committee passes an admission with two thirds of its members in office")
    void theGrassrootsCommitteePassesAnAdmissionWithTwoThirdsOfItsMembersInOffice() {
        fixture.given(plus(fileReadyForTheVote(), BRANCH_PASSED))
                .when(new RecordCommitteeAdmissionVote("m1", WARD, COMMITTEE_VOTE, 9, 6))
                .expectEvents(new CommitteeAdmissionVoteRecorded("m1", WARD, COMMITTEE_VOTE, 9, 6, true));
    }

    @Test
    @DisplayName("I6: the grassroots committee votes only for a subordinate branch")
    void theGrassrootsCommitteeVotesOnlyForASubordinateBranch() {
        Object[] file = plus(fileReadyForTheVote(), BRANCH_PASSED);
        file[0] = new OutstandingCandidateRegistered("m1", "p1", "grassroots-branch",
                Sensitive.of("p1", CandidateSource.RESIDENT), null,
                RecruitmentHistory.REGISTERED);
        fixture.given(file)
                .when(new RecordCommitteeAdmissionVote("m1", WARD, COMMITTEE_VOTE, 9, 6))
                .expectNoEvents()
                .expectException(Violation.of("I6", "committeeVotesOnlyForASubordinateBranchOfAGrassrootsCommittee"));
    }

    @Test
    @DisplayName("I6: a committee vote stating other members in office than the committee's recorded election is refused")
    void aCommitteeVoteStatingOtherMembersInOfficeThanTheElectionIsRefused() {
        fixture.given(plus(fileReadyForTheVote(), BRANCH_PASSED))
                .when(new RecordCommitteeAdmissionVote("m1", WARD, COMMITTEE_VOTE, 6, 6))
                .expectNoEvents()
                .expectException(Violation.of("I6", "theElectorateIsTheCommitteeInOfficeOnTheDay"));
    }

    @Test
    @DisplayName("I6: a grassroots committee whose election is not on record has no vote: it is recorded or imported first")
    void aGrassrootsCommitteeWhoseElectionIsNotOnRecordHasNoVote() {
        Object[] file = plus(fileReadyForTheVote(), BRANCH_PASSED);
        file[0] = new OutstandingCandidateRegistered("m1", "p1", "kp-new-ward",
                Sensitive.of("p1", CandidateSource.RESIDENT), null, RecruitmentHistory.REGISTERED);
        fixture.given(file)
                .when(new RecordCommitteeAdmissionVote("m1", "ward-without-election", COMMITTEE_VOTE, 0, 0))
                .expectNoEvents()
                .expectException(Violation.of("I6", "theElectorateIsTheCommitteeInOfficeOnTheDay"));
    }

    @Test
    @DisplayName("I6: a grassroots committee other than the one above the branch does not vote on its admissions")
    void aGrassrootsCommitteeOtherThanTheOneAboveTheBranchDoesNotVote() {
        fixture.given(plus(fileReadyForTheVote(), BRANCH_PASSED))
                .when(new RecordCommitteeAdmissionVote("m1", "other-ward", COMMITTEE_VOTE, 9, 6))
                .expectNoEvents()
                .expectException(Violation.of("I6", "committeeVotesOnlyForASubordinateBranchOfAGrassrootsCommittee"));
    }

    @Test
    @DisplayName("I6: the grassroots committee votes only after the branch passed the admission")
    void theGrassrootsCommitteeVotesOnlyAfterTheBranchPassedTheAdmission() {
        fixture.given(plus(fileReadyForTheVote(), recorded(TWO_THIRDS - 1, false)))
                .when(new RecordCommitteeAdmissionVote("m1", WARD, COMMITTEE_VOTE, 9, 6))
                .expectNoEvents()
                .expectException(Violation.of("I6", "committeeVotesAfterThePassedBranchVote"));
    }
}
