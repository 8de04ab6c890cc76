package vn.partyledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.Calendars;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.RecordingMembershipLedger;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.member.AssignProbationMentor;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberCollectivelyTransferred;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.ProbationMentorAssigned;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.member.RecognitionReviewedLate;
import vn.partyledger.domain.member.RecognitionVoteRecorded;
import vn.partyledger.domain.member.RecognizeFullMember;
import vn.partyledger.domain.member.RecordRecognitionVote;
import vn.partyledger.domain.member.StrikeOffProbationaryMember;
import vn.partyledger.domain.member.VoteLevel;
import vn.partyledger.domain.member.VotePolicy;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.command.member.RecruitmentHistory.AUTHORITY;
import static vn.partyledger.command.member.RecruitmentHistory.BRANCH;
import static vn.partyledger.command.member.RecruitmentHistory.FULL_MEMBERS_ON_ROLL;
import static vn.partyledger.command.member.RecruitmentHistory.PROBATION_END;
import static vn.partyledger.command.member.RecruitmentHistory.SUCCESSOR;
import static vn.partyledger.command.member.RecruitmentHistory.SUCCESSOR_FOUNDED;
import static vn.partyledger.command.member.RecruitmentHistory.WARD;
import static vn.partyledger.command.member.RecruitmentHistory.plus;
import static vn.partyledger.command.member.RecruitmentHistory.probationary;
import static vn.partyledger.command.member.RecruitmentHistory.votesPassed;

/** Probation and recognition (docs/rules.md#s6): mentor, recognition votes (I10), recognition (I9), strike-off (I11). */
class ProbationAndRecognitionTest {

    private static final LocalDate BRANCH_VOTE = LocalDate.of(2021, 6, 21);
    private static final LocalDate COMMITTEE_VOTE = LocalDate.of(2021, 7, 5);
    private static final LocalDate DECIDED = LocalDate.of(2021, 7, 12);

    private AggregateTestFixture<Member> fixture;
    private RecordingMembershipLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = new RecordingMembershipLedger();
        fixture = RecruitmentHistory.fixture(ledger);
    }

    private static RecordRecognitionVote branchVote(int inFavour, int attemptNo) {
        return new RecordRecognitionVote("m1", VoteLevel.BRANCH, null, BRANCH_VOTE, FULL_MEMBERS_ON_ROLL, inFavour, 2,
                attemptNo);
    }

    private static RecognitionVoteRecorded branchVoted(int inFavour, int attemptNo) {
        return new RecognitionVoteRecorded("m1", VoteLevel.BRANCH, null, BRANCH_VOTE, FULL_MEMBERS_ON_ROLL, inFavour, 2,
                inFavour >= 20, attemptNo);
    }

    private static RecognitionVoteRecorded committeeVoted() {
        return new RecognitionVoteRecorded("m1", VoteLevel.COMMITTEE, WARD, COMMITTEE_VOTE, 9, 7, 0, true, 1);
    }

    private static Object[] deadlocked() {
        return plus(probationary(), branchVoted(15, 1), branchVoted(18, 2), branchVoted(19, 3));
    }

    private static RecognizeFullMember recognize(LocalDate decided, String extensionReason) {
        return new RecognizeFullMember("m1", new DecisionRef("88-QĐ/QU", decided, AUTHORITY), extensionReason);
    }

    private static StrikeOffProbationaryMember strikeOff(int branchInFavour, int committeeInFavour) {
        return strikeOff(branchInFavour, 7, committeeInFavour);
    }

    /** The ward committee above the subordinate branch has 9 members in office, the standing committee 9. */
    private static StrikeOffProbationaryMember strikeOff(int branchInFavour, int wardInFavour, int committeeInFavour) {
        return new StrikeOffProbationaryMember("m1", new DecisionRef("90-QĐ/QU", DECIDED, AUTHORITY), "unfit",
                FULL_MEMBERS_ON_ROLL, branchInFavour, 9, wardInFavour, 9, committeeInFavour);
    }

    @Test
    @DisplayName("PROBATION: a full member is assigned to help a probationary member")
    void aFullMemberIsAssignedToHelpAProbationaryMember() {
        LocalDate assigned = LocalDate.of(2020, 6, 22);
        fixture.given(probationary())
                .when(new AssignProbationMentor("m1", "m-intro3", assigned))
                .expectEvents(new ProbationMentorAssigned("m1", "m-intro3", assigned));
    }

    @Test
    @DisplayName("PROBATION: a mentor is assigned on the day of the ceremony that begins probation")
    void aMentorIsAssignedOnTheDayOfTheCeremonyThatBeginsProbation() {
        fixture.given(probationary())
                .when(new AssignProbationMentor("m1", "m-intro3", RecruitmentHistory.CEREMONY))
                .expectEvents(new ProbationMentorAssigned("m1", "m-intro3", RecruitmentHistory.CEREMONY));
    }

    @Test
    @DisplayName("PROBATION: a mentor cannot have been assigned the day before probation began")
    void aMentorCannotHaveBeenAssignedTheDayBeforeProbationBegan() {
        fixture.given(probationary())
                .when(new AssignProbationMentor("m1", "m-intro3", RecruitmentHistory.CEREMONY.minusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("PROBATION", "aMentorIsAssignedOnceProbationHasBegun"));
    }

    @Test
    @DisplayName("a probationary member cannot mentor another")
    void aProbationaryMemberCannotMentorAnother() {
        fixture.given(probationary())
                .when(new AssignProbationMentor("m1", "m-probationer", LocalDate.of(2020, 6, 22)))
                .expectNoEvents()
                .expectException(Violation.of("PROBATION", "theMentorIsAFullMemberOnTheBranchRoll"));
    }

    @Test
    @DisplayName("a mentor is a full member of the probationer's own branch, known to the ledger")
    void aMentorIsAFullMemberOfTheProbationersOwnBranch() {
        fixture.given(probationary())
                .when(new AssignProbationMentor("m1", "m-other-branch", LocalDate.of(2020, 6, 22)))
                .expectNoEvents()
                .expectException(Violation.of("PROBATION", "theMentorIsAFullMemberOnTheBranchRoll"));
        fixture.given(probationary())
                .when(new AssignProbationMentor("m1", "m-on-paper-only", LocalDate.of(2020, 6, 22)))
                .expectNoEvents()
                .expectException(Violation.of("PROBATION", "theMentorIsAFullMemberOnTheBranchRoll"));
    }

    @Test
    @DisplayName("a candidate has no probation mentor yet")
    void aCandidateHasNoProbationMentorYet() {
        fixture.given(votesPassed())
                .when(new AssignProbationMentor("m1", "m-intro3", LocalDate.of(2020, 6, 22)))
                .expectNoEvents()
                .expectException(Violation.of("PROBATION", "aMentorHelpsOnlyAProbationaryMember"));
    }

    @Test
    @DisplayName("I10: the branch votes on recognition once the probation has ended")
    void theBranchVotesOnRecognitionOnceTheProbationHasEnded() {
        fixture.given(probationary())
                .when(branchVote(22, 1))
                .expectEvents(branchVoted(22, 1));
    }

    @Test
    @DisplayName("I10: the branch does not vote on recognition before the probation ends")
    void theBranchDoesNotVoteOnRecognitionBeforeTheProbationEnds() {
        fixture.given(probationary())
                .when(new RecordRecognitionVote("m1", VoteLevel.BRANCH, null, PROBATION_END.minusDays(1),
                        FULL_MEMBERS_ON_ROLL, 22, 2, 1))
                .expectNoEvents()
                .expectException(Violation.of("I10", "recognitionIsConsideredOnceProbationEnds"));
    }

    @Test
    @DisplayName("I10: the branch may vote a third time after two failed votes")
    void theBranchMayVoteAThirdTimeAfterTwoFailedVotes() {
        fixture.given(plus(probationary(), branchVoted(15, 1), branchVoted(18, 2)))
                .when(branchVote(19, 3))
                .expectEvents(branchVoted(19, 3));
    }

    @Test
    @DisplayName("I10: after three failed branch votes the branch votes no more")
    void afterThreeFailedBranchVotesTheBranchVotesNoMore() {
        fixture.given(deadlocked())
                .when(branchVote(22, 4))
                .expectNoEvents()
                .expectException(Violation.of("I10", "theBranchVotesAtMostThreeTimesInTurn"));
    }

    @Test
    @DisplayName("I10: branch attempts are numbered in turn")
    void branchAttemptsAreNumberedInTurn() {
        fixture.given(probationary())
                .when(branchVote(22, 2))
                .expectNoEvents()
                .expectException(Violation.of("I10", "theBranchVotesAtMostThreeTimesInTurn"));
    }

    @Test
    @DisplayName("I10: after three failed branch votes the matter escalates to the committee")
    void afterThreeFailedBranchVotesTheMatterEscalatesToTheCommittee() {
        fixture.given(deadlocked())
                .when(new RecordRecognitionVote("m1", VoteLevel.COMMITTEE, WARD, COMMITTEE_VOTE, 9, 7, 0, 1))
                .expectEvents(committeeVoted());
    }

    @Test
    @DisplayName("I10: a committee's recognition vote names the grassroots committee that voted")
    void aCommitteesRecognitionVoteNamesTheGrassrootsCommitteeThatVoted() {
        fixture.given(plus(probationary(), branchVoted(22, 1)))
                .when(new RecordRecognitionVote("m1", VoteLevel.COMMITTEE, WARD, COMMITTEE_VOTE, 9, 7, 0, 1))
                .expectEvents(committeeVoted());
    }

    @Test
    @DisplayName("I10: a committee's recognition vote that names no grassroots committee is refused")
    void aCommitteesRecognitionVoteThatNamesNoGrassrootsCommitteeIsRefused() {
        fixture.given(plus(probationary(), branchVoted(22, 1)))
                .when(new RecordRecognitionVote("m1", VoteLevel.COMMITTEE, BRANCH, COMMITTEE_VOTE, 9, 7, 0, 1))
                .expectNoEvents()
                .expectException(Violation.of("I10",
                        "aCommitteeVoteNamesTheGrassrootsCommitteeAndABranchVoteNoCommittee"));
    }

    @Test
    @DisplayName("I10: a committee's recognition vote must name its committee")
    void aCommitteesRecognitionVoteMustNameItsCommittee() {
        fixture.given(plus(probationary(), branchVoted(22, 1)))
                .when(new RecordRecognitionVote("m1", VoteLevel.COMMITTEE, null, COMMITTEE_VOTE, 9, 7, 0, 1))
                .expectNoEvents()
                .expectException(Violation.of("I10",
                        "aCommitteeVoteNamesTheGrassrootsCommitteeAndABranchVoteNoCommittee"));
    }

    @Test
    @DisplayName("I10: a branch's recognition vote names no committee")
    void aBranchsRecognitionVoteNamesNoCommittee() {
        fixture.given(probationary())
                .when(new RecordRecognitionVote("m1", VoteLevel.BRANCH, WARD, BRANCH_VOTE, FULL_MEMBERS_ON_ROLL, 22,
                        2, 1))
                .expectNoEvents()
                .expectException(Violation.of("I10",
                        "aCommitteeVoteNamesTheGrassrootsCommitteeAndABranchVoteNoCommittee"));
    }

    @Test
    @DisplayName("I10: the branch votes a second time on the day of its first, failed vote")
    void theBranchVotesASecondTimeOnTheDayOfItsFirstFailedVote() {
        fixture.given(plus(probationary(), branchVoted(15, 1)))
                .when(branchVote(22, 2))
                .expectEvents(branchVoted(22, 2));
    }

    @Test
    @DisplayName("I10: a second branch vote cannot be dated the day before the first")
    void aSecondBranchVoteCannotBeDatedTheDayBeforeTheFirst() {
        fixture.given(plus(probationary(), branchVoted(15, 1)))
                .when(new RecordRecognitionVote("m1", VoteLevel.BRANCH, null, BRANCH_VOTE.minusDays(1),
                        FULL_MEMBERS_ON_ROLL, 22, 2, 2))
                .expectNoEvents()
                .expectException(Violation.of("I10", "theBranchVotesAtMostThreeTimesInTurn"));
    }

    @Test
    @DisplayName("I10: a committee's recognition vote counts the members in office its recorded election names")
    void aCommitteesRecognitionVoteCountsTheMembersInOfficeItsElectionNames() {
        fixture.given(plus(probationary(), branchVoted(22, 1)))
                .when(new RecordRecognitionVote("m1", VoteLevel.COMMITTEE, WARD, COMMITTEE_VOTE, 7, 7, 0, 1))
                .expectNoEvents()
                .expectException(Violation.of("I10", "theElectorateIsTheCommitteeInOfficeOnTheDay"));
    }

    @Test
    @DisplayName("I10: the committee does not vote before the branch has spoken")
    void theCommitteeDoesNotVoteBeforeTheBranchHasSpoken() {
        fixture.given(plus(probationary(), branchVoted(15, 1)))
                .when(new RecordRecognitionVote("m1", VoteLevel.COMMITTEE, WARD, COMMITTEE_VOTE, 9, 7, 0, 1))
                .expectNoEvents()
                .expectException(Violation.of("I10", "theCommitteeVotesAfterAPassedBranchVoteOrADeadlock"));
    }

    @Test
    @DisplayName("I10: a recognition vote counts all the branch's full members")
    void aRecognitionVoteCountsAllTheBranchsFullMembers() {
        fixture.given(probationary())
                .when(new RecordRecognitionVote("m1", VoteLevel.BRANCH, null, BRANCH_VOTE, 25, 22, 2, 1))
                .expectNoEvents()
                .expectException(Violation.of("I10", "theElectorateIsTheBranchRollOfTheDay"));
    }

    @Test
    @DisplayName("I9: recognition takes effect at the end of probation and makes the member full on the roll")
    void recognitionTakesEffectAtTheEndOfProbationAndMakesTheMemberFullOnTheRoll() {
        fixture.given(plus(probationary(), branchVoted(22, 1), committeeVoted()))
                .when(recognize(DECIDED, null))
                .expectEvents(new FullMembershipRecognized("m1", BRANCH, DECIDED, PROBATION_END, AUTHORITY, false));
        assertThat(ledger.enrolments()).containsExactly(
                new RecordingMembershipLedger.Enrolment(BRANCH, "m1", MemberStatus.FULL, PROBATION_END));
    }

    @Test
    @DisplayName("I27: a recognition decided after a merge moved the probationer makes them full on the new roll from the day they came onto it")
    void aRecognitionAfterAMergeMakesTheMemberFullOnTheNewRollFromTheDayTheyCameOntoIt() {
        fixture.given(plus(probationary(), branchVoted(22, 1), committeeVoted(),
                        new MemberCollectivelyTransferred("m1", BRANCH, SUCCESSOR, SUCCESSOR_FOUNDED)))
                .when(recognize(DECIDED, null))
                .expectEvents(new FullMembershipRecognized("m1", SUCCESSOR, DECIDED, PROBATION_END, AUTHORITY, false));
        assertThat(ledger.enrolments()).containsExactly(
                new RecordingMembershipLedger.Enrolment(SUCCESSOR, "m1", MemberStatus.FULL, SUCCESSOR_FOUNDED));
    }

    @Test
    @DisplayName("I9: a late recognition keeps the probation end as its effective date and is flagged")
    void aLateRecognitionKeepsTheProbationEndAsItsEffectiveDateAndIsFlagged() {
        LocalDate late = Calendars.weekendsOnly().plusWorkingDays(COMMITTEE_VOTE, 30).plusDays(1);
        fixture.given(plus(probationary(), branchVoted(22, 1), committeeVoted()))
                .when(recognize(late, null))
                .expectEvents(new FullMembershipRecognized("m1", BRANCH, late, PROBATION_END, AUTHORITY, true));
    }

    @Test
    @DisplayName("I9: the competent committee recognises after escalation of three failed branch votes")
    void theCompetentCommitteeRecognisesAfterEscalationOfThreeFailedBranchVotes() {
        fixture.given(plus(deadlocked(), committeeVoted()))
                .when(recognize(DECIDED, null))
                .expectEvents(new FullMembershipRecognized("m1", BRANCH, DECIDED, PROBATION_END, AUTHORITY, false));
    }

    @Test
    @DisplayName("I9: the competent committee recognises on the day of the grassroots committee's vote")
    void theCompetentCommitteeRecognisesOnTheDayOfTheGrassrootsCommitteesVote() {
        fixture.given(plus(probationary(), branchVoted(22, 1), committeeVoted()))
                .when(recognize(COMMITTEE_VOTE, null))
                .expectEvents(new FullMembershipRecognized("m1", BRANCH, COMMITTEE_VOTE, PROBATION_END, AUTHORITY,
                        false));
    }

    @Test
    @DisplayName("I9: a recognition decided the day before the grassroots committee's vote does not follow it")
    void aRecognitionDecidedTheDayBeforeTheGrassrootsCommitteesVoteDoesNotFollowIt() {
        fixture.given(plus(probationary(), branchVoted(22, 1), committeeVoted()))
                .when(recognize(COMMITTEE_VOTE.minusDays(1), null))
                .expectNoEvents()
                .expectException(Violation.of("I9", "recognitionFollowsThePassedVotes"));
        assertThat(ledger.enrolments()).isEmpty();
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a recognition signed tomorrow is not recorded today")
    void aRecognitionSignedTomorrowIsNotRecordedToday() {
        fixture.given(plus(probationary(), branchVoted(22, 1), committeeVoted()))
                .when(recognize(FixedToday.DATE.plusDays(1), null))
                .expectNoEvents()
                .expectException(Violation.of("BUSINESS_DATE_NOT_IN_THE_FUTURE", "businessDateIsNotInTheFuture"));
    }

    @Test
    @DisplayName("I9: a member of a subordinate branch is not recognised without the committee's vote")
    void aMemberOfASubordinateBranchIsNotRecognisedWithoutTheCommitteesVote() {
        fixture.given(plus(probationary(), branchVoted(22, 1)))
                .when(recognize(DECIDED, null))
                .expectNoEvents()
                .expectException(Violation.of("I9", "recognitionFollowsThePassedVotes"));
    }

    @Test
    @DisplayName("I9: only the committee competent on the decision's date recognises")
    void onlyTheCommitteeCompetentOnTheDecisionsDateRecognises() {
        fixture.given(plus(probationary(), branchVoted(22, 1), committeeVoted()))
                .when(new RecognizeFullMember("m1", new DecisionRef("88-QĐ/ĐU", DECIDED, WARD), null))
                .expectNoEvents()
                .expectException(Violation.of("I9", "decisionIsSignedByTheCompetentAuthority"));
    }

    @Test
    @DisplayName("I9: a full member is not recognised again")
    void aFullMemberIsNotRecognisedAgain() {
        fixture.given(plus(probationary(), branchVoted(22, 1), committeeVoted(),
                        new FullMembershipRecognized("m1", BRANCH, DECIDED, PROBATION_END, AUTHORITY, false)))
                .when(recognize(DECIDED, null))
                .expectNoEvents()
                .expectException(Violation.of("I9", "onlyAProbationaryMemberIsRecognised"));
    }

    @Test
    @DisplayName("I11: an unfit probationary member is struck off the list and leaves the branch's roll")
    void anUnfitProbationaryMemberIsStruckOffTheListAndLeavesTheBranchsRoll() {
        fixture.given(probationary())
                .when(strikeOff(20, 5))
                .expectEvents(new ProbationaryMemberStruckOff("m1", BRANCH, DECIDED, AUTHORITY,
                        Sensitive.of("p1", "unfit")));
        assertThat(ledger.releases()).containsExactly(new RecordingMembershipLedger.Release(BRANCH, "m1", DECIDED));
    }

    @Test
    @DisplayName("I11: striking off the probationary list needs two thirds of the branch's full members")
    void strikingOffTheProbationaryListNeedsTwoThirdsOfTheBranchsFullMembers() {
        fixture.given(probationary())
                .when(strikeOff(19, 5))
                .expectNoEvents()
                .expectException(Violation.of("I11", "strikeOffNeedsTwoThirdsOfTheBranchUnlessDeadlocked"));
    }

    @Test
    @DisplayName("I11: striking off the probationary list needs more than half of the standing committee")
    void strikingOffTheProbationaryListNeedsMoreThanHalfOfTheStandingCommittee() {
        fixture.given(probationary())
                .when(strikeOff(20, 4))
                .expectNoEvents()
                .expectException(Violation.of("I11", "strikeOffNeedsMoreThanHalfOfTheStandingCommittee"));
    }

    @Test
    @DisplayName("I11: striking a subordinate branch's probationer off needs two thirds of the grassroots committee")
    void strikingASubordinateBranchsProbationerOffNeedsTwoThirdsOfTheGrassrootsCommittee() {
        fixture.given(probationary())
                .when(strikeOff(20, 5, 5))
                .expectNoEvents()
                .expectException(Violation.of("I11",
                        "strikeOffFromASubordinateBranchNeedsTwoThirdsOfTheGrassrootsCommittee"));
    }

    @Test
    @DisplayName("I11: the grassroots committee's members in office are those its recorded election names")
    void theGrassrootsCommitteesMembersInOfficeAreThoseItsElectionNames() {
        fixture.given(probationary())
                .when(new StrikeOffProbationaryMember("m1", new DecisionRef("90-QĐ/QU", DECIDED, AUTHORITY), "unfit",
                        FULL_MEMBERS_ON_ROLL, 20, 6, 6, 9, 5))
                .expectNoEvents()
                .expectException(Violation.of("I11", "theElectorateIsTheCommitteeInOfficeOnTheDay"));
    }

    @Test
    @DisplayName("I11: only a probationary member is struck off the probationary list")
    void onlyAProbationaryMemberIsStruckOffTheProbationaryList() {
        fixture.given(votesPassed())
                .when(strikeOff(20, 5))
                .expectNoEvents()
                .expectException(Violation.of("I11", "onlyAProbationaryMemberIsStruckOffTheProbationaryList"));
        assertThat(ledger.releases()).isEmpty();
    }
    @Test
    @DisplayName("I11: after a deadlock the competent committee strikes off without the branch's two thirds")
    void afterThreeDeadlockedBranchVotesTheCompetentCommitteeStrikesOffWithoutTheBranchsTwoThirds() {
        fixture.given(deadlocked())
                .when(strikeOff(12, 0, 5))
                .expectEvents(new ProbationaryMemberStruckOff("m1", BRANCH, DECIDED, AUTHORITY,
                        Sensitive.of("p1", "unfit")));
    }

    @Test
    @DisplayName("I10: a first recognition vote past the 30-working-day review period is recorded and flagged late")
    void theBranchsFirstRecognitionVotePastThirtyWorkingDaysIsRecordedAndFlaggedLate() {
        LocalDate deadline = Calendars.weekendsOnly().plusWorkingDays(PROBATION_END, 30);
        LocalDate late = deadline.plusDays(1);
        fixture.given(probationary())
                .when(new RecordRecognitionVote("m1", VoteLevel.BRANCH, null, late, FULL_MEMBERS_ON_ROLL, 22, 2, 1))
                .expectEvents(new RecognitionReviewedLate("m1", BRANCH, PROBATION_END, deadline, late),
                        new RecognitionVoteRecorded("m1", VoteLevel.BRANCH, null, late, FULL_MEMBERS_ON_ROLL, 22, 2, true,
                                1));
    }

    @Test
    @DisplayName("I10: the branch's first recognition vote on the last working day of the review period is on time")
    void theBranchsFirstRecognitionVoteOnTheLastWorkingDayIsOnTime() {
        LocalDate deadline = Calendars.weekendsOnly().plusWorkingDays(PROBATION_END, 30);
        fixture.given(probationary())
                .when(new RecordRecognitionVote("m1", VoteLevel.BRANCH, null, deadline, FULL_MEMBERS_ON_ROLL, 22, 2, 1))
                .expectEvents(new RecognitionVoteRecorded("m1", VoteLevel.BRANCH, null, deadline, FULL_MEMBERS_ON_ROLL, 22,
                        2, true, 1));
    }

    @Test
    @DisplayName("I10: the grassroots committee does not vote on a recognition before the branch's vote")
    void theGrassrootsCommitteeDoesNotVoteBeforeTheBranchsVote() {
        fixture.given(plus(probationary(), branchVoted(22, 1)))
                .when(new RecordRecognitionVote("m1", VoteLevel.COMMITTEE, WARD, BRANCH_VOTE.minusDays(1), 9, 7, 0, 1))
                .expectNoEvents()
                .expectException(Violation.of("I10", "theCommitteeVotesAfterAPassedBranchVoteOrADeadlock"));
    }

    @Test
    @DisplayName("I10: after three failed branch votes the member is not recognised before the committee decides")
    void afterThreeFailedBranchVotesTheMemberIsNotRecognisedBeforeTheCommitteeDecides() {
        fixture.given(deadlocked())
                .when(recognize(DECIDED, null))
                .expectNoEvents()
                .expectException(Violation.of("I9", "recognitionFollowsThePassedVotes"));
    }

    @Test
    @DisplayName("I10: a recognition vote passes by the configured admission threshold")
    void aRecognitionVotePassesByTheConfiguredAdmissionThreshold() {
        VotePolicy threeQuarters = new VotePolicy(new VotePolicy.Share(3, 4), new VotePolicy.Share(1, 2));
        RecruitmentHistory.fixture(Calendars.weekendsOnly(), ledger, threeQuarters)
                .given(probationary())
                .when(branchVote(22, 1))
                .expectEvents(new RecognitionVoteRecorded("m1", VoteLevel.BRANCH, null, BRANCH_VOTE, FULL_MEMBERS_ON_ROLL,
                        22, 2, false, 1));
    }
}
