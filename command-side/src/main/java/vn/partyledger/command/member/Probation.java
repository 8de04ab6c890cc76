package vn.partyledger.command.member;

import vn.partyledger.domain.member.RecognitionVoteRecorded;
import vn.partyledger.domain.member.VoteLevel;

import java.time.LocalDate;

/**
 * A probationary member's probation (docs/rules.md#s6): when it ends and how the recognition votes went. State only — the
 * Member aggregate guards the rules and changes it from its event-sourcing handlers.
 */
final class Probation {

    /** QĐ 24 §4.2.3: after three branch votes without two thirds either way, the competent committee decides. */
    static final int MAX_BRANCH_ATTEMPTS = 3;

    private final LocalDate end;
    private int branchAttempts;
    private LocalDate lastBranchVoteDate;
    private RecognitionVoteRecorded passedBranchVote;
    private RecognitionVoteRecorded passedCommitteeVote;

    Probation(LocalDate end) {
        this.end = end;
    }

    LocalDate end() {
        return end;
    }

    int branchAttempts() {
        return branchAttempts;
    }

    /** The date of the branch's latest recognition vote, or null before its first. */
    LocalDate lastBranchVoteDate() {
        return lastBranchVoteDate;
    }

    boolean branchPassed() {
        return passedBranchVote != null;
    }

    boolean committeePassed() {
        return passedCommitteeVote != null;
    }

    /** Three branch votes failed: only the committee (escalation) may vote now. */
    boolean deadlocked() {
        return !branchPassed() && branchAttempts >= MAX_BRANCH_ATTEMPTS;
    }

    /** The resolution from which the decision deadline runs: the committee's if it voted, else the branch's. */
    LocalDate resolutionDate() {
        return passedCommitteeVote != null ? passedCommitteeVote.voteDate() : passedBranchVote.voteDate();
    }

    void on(RecognitionVoteRecorded event) {
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
