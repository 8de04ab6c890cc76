package vn.partyledger.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.command.organisation.AuthorityResolver;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.member.AssignProbationMentor;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.ProbationMentorAssigned;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.member.RecognitionReviewedLate;
import vn.partyledger.domain.member.RecognitionVoteRecorded;
import vn.partyledger.domain.member.RecognizeFullMember;
import vn.partyledger.domain.member.RecordRecognitionVote;
import vn.partyledger.domain.member.RecruitmentPolicy;
import vn.partyledger.domain.member.StrikeOffProbationaryMember;
import vn.partyledger.domain.member.VoteLevel;
import vn.partyledger.domain.member.VotePolicy;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.member.MemberImported;
import vn.partyledger.domain.transfer.MemberJoinedFromProvince;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A probationary member's probation (docs/rules.md#s6, I9–I11): its mentor, when it ends, the recognition votes, and
 * how it ends — recognised as a full member or struck off the probationary list. The rolls follow the two endings in
 * the same unit of work (process.FullMembershipRecognition, process.ProbationaryStrikeOff).
 */
final class Probation {

    /** QĐ 24 §4.2.3: after three branch votes without two thirds either way, the competent committee decides. */
    static final int MAX_BRANCH_ATTEMPTS = 3;

    private final Standing standing;
    private LocalDate start;
    private LocalDate end;
    private int branchAttempts;
    private LocalDate lastBranchVoteDate;
    private RecognitionVoteRecorded passedBranchVote;
    private RecognitionVoteRecorded passedCommitteeVote;

    Probation(Standing standing) {
        this.standing = standing;
    }

    /** The day probation ends for a probationary member, which a letter to another province carries; else null. */
    LocalDate endForAProbationaryMember() {
        return standing.status() == MemberStatus.PROBATIONARY ? end : null;
    }

    @CommandHandler
    void handle(AssignProbationMentor command, MemberRegistry members, Today today) {
        today.businessDateIsNotInTheFuture("mentor's assignment", command.assignedOn());
        aMentorHelpsOnlyAProbationaryMember();
        aMentorIsAssignedOnceProbationHasBegun(command);
        theMentorIsAFullMemberOnTheBranchRoll(command, members);
        apply(new ProbationMentorAssigned(standing.memberId(), command.mentorMemberId(), command.assignedOn()));
    }

    @CommandHandler
    void handle(RecordRecognitionVote command, OrganisationRegistry registry, VotePolicy votes,
                WorkingDayCalendar calendar, RecruitmentPolicy policy, Today today) {
        today.businessDateIsNotInTheFuture("recognition vote", command.voteDate());
        recognitionIsVotedOnlyForAProbationaryMember();
        recognitionIsConsideredOnceProbationEnds(command);
        aCommitteeVoteNamesTheGrassrootsCommitteeAndABranchVoteNoCommittee(command, registry);
        int electorate;
        if (command.level() == VoteLevel.BRANCH) {
            theBranchVotesAtMostThreeTimesInTurn(command);
            electorate = Electorate.theElectorateIsTheBranchRollOfTheDay(Invariant.I10, standing.homeOrgId(),
                    command.electorate(), command.voteDate(), registry);
        } else {
            theCommitteeVotesAfterAPassedBranchVoteOrADeadlock(command, registry);
            electorate = Electorate.theElectorateIsTheCommitteeInOfficeOnTheDay(Invariant.I10,
                    command.committeeOrgId(), command.electorate(), command.voteDate(), registry);
        }
        Electorate.votesCannotExceedTheElectorate(Invariant.I10, electorate, command.inFavour() + command.against());
        if (command.level() == VoteLevel.BRANCH && command.attemptNo() == 1) {
            flagAReviewAfterTheDeadline(command.voteDate(), calendar, policy);
        }
        boolean passed = command.inFavour() >= votes.admissionPassMark(electorate);
        apply(new RecognitionVoteRecorded(standing.memberId(), command.level(), command.committeeOrgId(),
                command.voteDate(), electorate, command.inFavour(), command.against(), passed,
                command.attemptNo()));
    }

    FullMembershipRecognized recognise(RecognizeFullMember command, OrganisationRegistry registry,
                                       AuthorityResolver authority, WorkingDayCalendar calendar,
                                       RecruitmentPolicy policy, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        onlyAProbationaryMemberIsRecognised();
        recognitionFollowsThePassedVotes(registry, command.decision().docDate());
        CommitteeThatAdmits.decisionIsSignedByTheCompetentAuthority(Invariant.I9, standing.homeOrgId(),
                command.decision(), authority);
        LocalDate resolution = lastPassedVote().voteDate();
        boolean late = CommitteeThatAdmits.decidedAfterTheDeadline(resolution, command.decision().docDate(),
                policy.recognitionDecisionDeadlineWorkingDays(), command.extensionReason(), calendar, policy);
        FullMembershipRecognized recognised = new FullMembershipRecognized(standing.memberId(), standing.homeOrgId(),
                command.decision().docDate(), end, command.decision().issuingOrgId(), late);
        apply(recognised);
        return recognised;
    }

    ProbationaryMemberStruckOff strikeOff(StrikeOffProbationaryMember command, OrganisationRegistry registry,
                                          AuthorityResolver authority, VotePolicy votes, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        onlyAProbationaryMemberIsStruckOffTheProbationaryList();
        int branchElectorate = Electorate.theElectorateIsTheBranchRollOfTheDay(Invariant.I11, standing.homeOrgId(),
                command.branchFullMembersOnRoll(), command.decision().docDate(), registry);
        strikeOffNeedsTwoThirdsOfTheBranchUnlessDeadlocked(command, branchElectorate, votes);
        strikeOffFromASubordinateBranchNeedsTwoThirdsOfTheGrassrootsCommittee(command, registry, votes);
        strikeOffNeedsMoreThanHalfOfTheStandingCommittee(command, votes);
        CommitteeThatAdmits.decisionIsSignedByTheCompetentAuthority(Invariant.I11, standing.homeOrgId(),
                command.decision(), authority);
        ProbationaryMemberStruckOff struckOff = new ProbationaryMemberStruckOff(standing.memberId(),
                standing.homeOrgId(), command.decision().docDate(), command.decision().issuingOrgId(),
                Sensitive.ofNullable(standing.personId(), command.reason()));
        apply(struckOff);
        return struckOff;
    }

    /** Three branch votes failed: only the committee (escalation) may vote now. */
    private boolean deadlocked() {
        return passedBranchVote == null && branchAttempts >= MAX_BRANCH_ATTEMPTS;
    }

    private void onlyAProbationaryMember(Invariant code, String rule) {
        if (standing.status() != MemberStatus.PROBATIONARY) {
            throw new RuleViolation(code, rule, "This applies only to a probationary member; record "
                    + standing.memberId() + " is " + standing.status() + ".");
        }
    }

    private void aMentorHelpsOnlyAProbationaryMember() {
        onlyAProbationaryMember(Invariant.PROBATION, "aMentorHelpsOnlyAProbationaryMember");
    }

    private void aMentorIsAssignedOnceProbationHasBegun(AssignProbationMentor command) {
        if (command.assignedOn().isBefore(start)) {
            throw new RuleViolation(Invariant.PROBATION, "aMentorIsAssignedOnceProbationHasBegun",
                    "Probation began with the ceremony on " + start + ", so a mentor cannot have been assigned to "
                            + "help the probationary member on " + command.assignedOn() + ".");
        }
    }

    private void theMentorIsAFullMemberOnTheBranchRoll(AssignProbationMentor command, MemberRegistry members) {
        FullMemberOnTheDate.required(Invariant.PROBATION, "theMentorIsAFullMemberOnTheBranchRoll", "mentor",
                command.mentorMemberId(), standing.homeOrgId(), command.assignedOn(), members);
    }

    private void recognitionIsVotedOnlyForAProbationaryMember() {
        onlyAProbationaryMember(Invariant.I10, "recognitionIsVotedOnlyForAProbationaryMember");
    }

    private void onlyAProbationaryMemberIsRecognised() {
        onlyAProbationaryMember(Invariant.I9, "onlyAProbationaryMemberIsRecognised");
    }

    private void onlyAProbationaryMemberIsStruckOffTheProbationaryList() {
        onlyAProbationaryMember(Invariant.I11, "onlyAProbationaryMemberIsStruckOffTheProbationaryList");
    }

    private void recognitionIsConsideredOnceProbationEnds(RecordRecognitionVote command) {
        if (command.voteDate().isBefore(end)) {
            throw new RuleViolation(Invariant.I10, "recognitionIsConsideredOnceProbationEnds",
                    "Recognition is voted on once the 12 months of probation end on " + end + ", not on "
                            + command.voteDate() + ".");
        }
    }

    private void theBranchVotesAtMostThreeTimesInTurn(RecordRecognitionVote command) {
        int next = branchAttempts + 1;
        boolean branchPassed = passedBranchVote != null;
        if (branchPassed || next > MAX_BRANCH_ATTEMPTS || command.attemptNo() != next) {
            throw new RuleViolation(Invariant.I10, "theBranchVotesAtMostThreeTimesInTurn",
                    "The branch votes on recognition at most " + MAX_BRANCH_ATTEMPTS
                            + " times until one passes; after three failed votes the competent committee decides. "
                            + "This would be attempt " + command.attemptNo() + " after " + branchAttempts
                            + (branchPassed ? " with a passed vote." : "."));
        }
        if (lastBranchVoteDate != null && command.voteDate().isBefore(lastBranchVoteDate)) {
            throw new RuleViolation(Invariant.I10, "theBranchVotesAtMostThreeTimesInTurn",
                    "Attempt " + command.attemptNo() + " on " + command.voteDate() + " cannot come before the "
                            + "branch's attempt " + branchAttempts + " on " + lastBranchVoteDate + ".");
        }
    }

    /** As for the admission (I6), the committee that votes is the grassroots committee above the branch. */
    private void aCommitteeVoteNamesTheGrassrootsCommitteeAndABranchVoteNoCommittee(RecordRecognitionVote command,
                                                                                   OrganisationRegistry registry) {
        boolean namesAGrassrootsCommittee = Electorate.isTheBranchsGrassrootsCommittee(command.committeeOrgId(),
                standing.homeOrgId(), command.voteDate(), registry);
        boolean committeeVote = command.level() == VoteLevel.COMMITTEE;
        if (committeeVote ? !namesAGrassrootsCommittee : command.committeeOrgId() != null) {
            throw new RuleViolation(Invariant.I10, "aCommitteeVoteNamesTheGrassrootsCommitteeAndABranchVoteNoCommittee",
                    committeeVote
                            ? "A committee's recognition vote names the grassroots committee that voted, the one "
                                    + "directly above branch " + standing.homeOrgId() + "; " + command.committeeOrgId()
                                    + " is not it on " + command.voteDate() + "."
                            : "A branch's recognition vote is the branch's own and names no committee, but it named "
                                    + command.committeeOrgId() + ".");
        }
    }

    private void theCommitteeVotesAfterAPassedBranchVoteOrADeadlock(RecordRecognitionVote command,
                                                                     OrganisationRegistry registry) {
        boolean afterBranch = passedBranchVote != null
                && Electorate.branchIsSubordinate(standing.homeOrgId(), registry);
        if (passedCommitteeVote != null || !(afterBranch || deadlocked())
                || command.voteDate().isBefore(lastBranchVoteDate)) {
            throw new RuleViolation(Invariant.I10, "theCommitteeVotesAfterAPassedBranchVoteOrADeadlock",
                    "The grassroots committee votes on a recognition once, and not before the branch's vote: after a "
                            + "subordinate branch passed it, or as escalation after three failed branch votes.");
        }
    }

    /**
     * QĐ 24 §4.2.1: the branch considers recognition within the set working days after probation ends. A later first
     * vote is recorded all the same and flagged, as late decisions are (I7, I9).
     */
    private void flagAReviewAfterTheDeadline(LocalDate reviewedOn, WorkingDayCalendar calendar,
                                             RecruitmentPolicy policy) {
        calendar.missedDeadline(end, policy.recognitionReviewDeadlineWorkingDays(), reviewedOn).ifPresent(deadline ->
                apply(new RecognitionReviewedLate(standing.memberId(), standing.homeOrgId(), end, deadline,
                        reviewedOn)));
    }

    /** The decision rests on the votes, so it is dated no earlier than the last of them (I9). */
    private void recognitionFollowsThePassedVotes(OrganisationRegistry registry, LocalDate decidedOn) {
        boolean byBranch = passedBranchVote != null
                && (!Electorate.branchIsSubordinate(standing.homeOrgId(), registry) || passedCommitteeVote != null);
        boolean byEscalation = deadlocked() && passedCommitteeVote != null;
        if (!byBranch && !byEscalation) {
            throw new RuleViolation(Invariant.I9, "recognitionFollowsThePassedVotes",
                    "A member is recognised after the branch (and the grassroots committee above a subordinate branch) "
                            + "passed it by two thirds, or after escalation of three failed branch votes.");
        }
        LocalDate votedOn = lastPassedVote().voteDate();
        if (decidedOn.isBefore(votedOn)) {
            throw new RuleViolation(Invariant.I9, "recognitionFollowsThePassedVotes",
                    "The recognition decision of " + decidedOn + " cannot come before the "
                            + lastPassedVote().level() + " vote of " + votedOn + " it follows.");
        }
    }

    /** The vote a recognition rests on: the committee's when it voted, else the branch's. */
    private RecognitionVoteRecorded lastPassedVote() {
        return passedCommitteeVote != null ? passedCommitteeVote : passedBranchVote;
    }

    /**
     * The branch proposes striking off by two thirds of its full members; after three branch votes without two thirds
     * either way the matter went up (QĐ 24 §4.2.3) and the competent committee decides without the branch's majority.
     */
    private void strikeOffNeedsTwoThirdsOfTheBranchUnlessDeadlocked(StrikeOffProbationaryMember command,
                                                                     int electorate, VotePolicy votes) {
        int needed = votes.admissionPassMark(electorate);
        if (!deadlocked() && (command.branchInFavour() < needed || command.branchInFavour() > electorate)) {
            throw new RuleViolation(Invariant.I11, "strikeOffNeedsTwoThirdsOfTheBranchUnlessDeadlocked",
                    "Striking off the probationary list needs " + needed + " (" + votes.admission() + ") of the "
                            + "branch's " + electorate + " full members unless three branch "
                            + "votes deadlocked; stated " + command.branchInFavour() + ".");
        }
    }

    /** Above a subordinate branch the grassroots committee votes too (docs/rules.md#s6), unless the branch deadlocked. */
    private void strikeOffFromASubordinateBranchNeedsTwoThirdsOfTheGrassrootsCommittee(
            StrikeOffProbationaryMember command, OrganisationRegistry registry, VotePolicy votes) {
        if (deadlocked() || !Electorate.branchIsSubordinate(standing.homeOrgId(), registry)) {
            return;
        }
        LocalDate decidedOn = command.decision().docDate();
        String committee = registry.find(standing.homeOrgId()).flatMap(branch -> branch.parentOn(decidedOn))
                .orElse(null);
        int inOffice = Electorate.theElectorateIsTheCommitteeInOfficeOnTheDay(Invariant.I11, committee,
                command.grassrootsCommitteeMembers(), decidedOn, registry);
        int needed = votes.admissionPassMark(inOffice);
        if (command.grassrootsCommitteeInFavour() < needed || command.grassrootsCommitteeInFavour() > inOffice) {
            throw new RuleViolation(Invariant.I11, "strikeOffFromASubordinateBranchNeedsTwoThirdsOfTheGrassrootsCommittee",
                    "Branch " + standing.homeOrgId() + " is a subordinate branch, so striking off its probationary "
                            + "list also needs " + votes.admission() + " of the grassroots committee's members in "
                            + "office; stated " + command.grassrootsCommitteeInFavour() + " of "
                            + inOffice + ".");
        }
    }

    private static void strikeOffNeedsMoreThanHalfOfTheStandingCommittee(StrikeOffProbationaryMember command,
                                                                        VotePolicy votes) {
        int needed = votes.majorityPassMark(command.standingCommitteeMembers());
        if (command.standingCommitteeInFavour() < needed
                || command.standingCommitteeInFavour() > command.standingCommitteeMembers()) {
            throw new RuleViolation(Invariant.I11, "strikeOffNeedsMoreThanHalfOfTheStandingCommittee",
                    "Striking off the probationary list is decided by " + needed + " (more than "
                            + votes.majority() + ") of the " + command.standingCommitteeMembers()
                            + " standing-committee members; stated " + command.standingCommitteeInFavour() + ".");
        }
    }

    @EventSourcingHandler
    private void on(MemberAdmitted event) {
        start = event.ceremonyDate();
        end = event.probationEndDate();
        branchAttempts = 0;
        lastBranchVoteDate = null;
        passedBranchVote = null;
        passedCommitteeVote = null;
    }

    @EventSourcingHandler
    private void on(MemberImported event) {
        end = event.probationEndDate();
    }

    @EventSourcingHandler
    private void on(MemberJoinedFromProvince event) {
        end = event.probationEndDate();
    }

    @EventSourcingHandler
    private void on(RecognitionVoteRecorded event) {
        if (event.level() == VoteLevel.BRANCH) {
            branchAttempts = event.attemptNo();
            lastBranchVoteDate = event.voteDate();
        }
        if (event.passed()) {
            if (event.level() == VoteLevel.BRANCH) {
                passedBranchVote = event;
            } else {
                passedCommitteeVote = event;
            }
        }
    }
}
