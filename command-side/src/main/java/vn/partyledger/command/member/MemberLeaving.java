package vn.partyledger.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.command.organisation.AuthorityResolver;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.discipline.AppealSubject;
import vn.partyledger.domain.discipline.DisciplinePolicy;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.discipline.ProposeStrikeOff;
import vn.partyledger.domain.discipline.RecordDeath;
import vn.partyledger.domain.discipline.RequestVoluntaryExit;
import vn.partyledger.domain.discipline.RestoreMembership;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.discipline.StrikeOffMember;
import vn.partyledger.domain.discipline.StrikeOffProposed;
import vn.partyledger.domain.discipline.VoluntaryExitRequested;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.VotePolicy;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.shared.Today;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * How a full member leaves the Party and comes back (docs/rules.md#s10-1, §10.2, §10.4, §10.5): the branch's strike-off
 * proposal, the competent committee's strike-off, the voluntary exit request, restoration after an annulment and
 * death. Each exit takes the member off the branch's roll and restoration enrols them back, in the same unit of work
 * (ADR 0004); the root's status follows from the events (ADR 0013).
 */
class MemberLeaving {

    private final Standing standing;
    private final MemberDiscipline discipline;
    /** The branch's latest strike-off proposal not yet decided, or null. */
    private StrikeOffProposed proposal;
    private boolean exitRequested;

    MemberLeaving(Standing standing, MemberDiscipline discipline) {
        this.standing = standing;
        this.discipline = discipline;
    }

    @CommandHandler
    void handle(ProposeStrikeOff command, OrganisationRegistry registry, DisciplinePolicy policy, VotePolicy votes,
                Today today) {
        today.businessDateIsNotInTheFuture("branch's vote on the strike-off proposal", command.voteDate());
        onlyAFullMemberIsStruckOff(Invariant.I20);
        aStrikeOffProposalCitesItsEvidence(command);
        monthsInBreachHaveBegunByTheVote(command);
        if (command.ground() == StrikeOffGround.ABSENCE_OR_DUES_3M) {
            absenceOrUnpaidDuesSpansEnoughMonthsOfOneCalendarYear(command, policy);
        }
        if (command.ground() == StrikeOffGround.VOLUNTARY_EXIT) {
            aVoluntaryExitFollowsTheMembersOwnRequest();
        }
        int electorate = Electorate.theElectorateIsTheBranchRollOfTheDay(Invariant.I20, standing.homeOrgId(),
                command.branchFullMembersOnRoll(), command.voteDate(), registry);
        branchVoteCannotExceedItsFullMembers(command, electorate);
        apply(new StrikeOffProposed(standing.memberId(), command.ground(), command.evidenceRefs(),
                command.monthsInBreach(), command.voteDate(), electorate, command.branchInFavour(),
                command.branchInFavour() >= votes.majorityPassMark(electorate)));
    }

    MemberStruckOff strikeOff(StrikeOffMember command, AuthorityResolver authority, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        onlyAFullMemberIsStruckOff(Invariant.I20);
        strikeOffFollowsAPassedBranchProposal(command.decision().docDate());
        strikeOffIsDecidedByTheCommitteeThatAdmits(command, authority);
        if (proposal.ground() == StrikeOffGround.VOLUNTARY_EXIT) {
            aVoluntaryExitWaitsForTheOpenDisciplineCase();
        }
        MemberStruckOff struckOff = new MemberStruckOff(standing.memberId(), standing.homeOrgId(), proposal.ground(),
                command.decision().issuingOrgId(), command.decision().docDate());
        apply(struckOff);
        return struckOff;
    }

    @CommandHandler
    void handle(RequestVoluntaryExit command, Today today) {
        today.businessDateIsNotInTheFuture("request to leave the Party", command.requestedOn());
        onlyAFullMemberIsStruckOff(Invariant.VOLUNTARY_EXIT);
        apply(new VoluntaryExitRequested(standing.memberId(),
                Sensitive.ofNullable(standing.personId(), command.reasonCode()), command.requestedOn()));
    }

    MembershipRestored restore(RestoreMembership command, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        restorationFollowsTheAnnulmentOfTheExit(command.decision().docDate());
        MembershipRestored restored = new MembershipRestored(standing.memberId(), standing.homeOrgId(),
                MemberStatus.FULL, true, command.decision().issuingOrgId(), command.decision().docDate());
        apply(restored);
        return restored;
    }

    MemberDeceased recordDeath(RecordDeath command, Today today) {
        today.businessDateIsNotInTheFuture("death", command.dateOfDeath());
        deathIsRecordedForAMemberOnTheRoll();
        aDeathIsNotDatedBeforeTheMembersStandingBegan(command.dateOfDeath());
        MemberDeceased deceased = new MemberDeceased(standing.memberId(), standing.homeOrgId(), command.dateOfDeath());
        apply(deceased);
        return deceased;
    }

    /**
     * Probationary members leave by their own path ({@code StrikeOffProbationaryMember}, I11), so the strike-off
     * here, and the voluntary exit it carries out, is for full members.
     */
    private void strikeOffIsDecidedByTheCommitteeThatAdmits(StrikeOffMember command, AuthorityResolver authority) {
        CommitteeThatAdmits.mustSign(Invariant.I20, "strikeOffIsDecidedByTheCommitteeThatAdmits", "striking off",
                standing.homeOrgId(), command.decision(), authority);
    }

    private void onlyAFullMemberIsStruckOff(Invariant code) {
        if (standing.status() != MemberStatus.FULL) {
            throw new RuleViolation(code, "onlyAFullMemberIsStruckOff",
                    "This path is for a full member (a probationary one is struck off the probationary list); record "
                            + standing.memberId() + " is " + standing.status() + ".");
        }
    }

    private static void aStrikeOffProposalCitesItsEvidence(ProposeStrikeOff command) {
        if (command.evidenceRefs() == null || command.evidenceRefs().isEmpty()) {
            throw new RuleViolation(Invariant.I19, "aStrikeOffProposalCitesItsEvidence",
                    "A proposal to strike off on the " + command.ground() + " ground names the evidence on file.");
        }
    }

    /**
     * A month counts once it has begun: the branch may count the month of its own vote (the member missed that
     * meeting), never a later one.
     */
    private static void monthsInBreachHaveBegunByTheVote(ProposeStrikeOff command) {
        YearMonth votedIn = YearMonth.from(command.voteDate());
        if (command.monthsInBreach() == null) {
            return;
        }
        command.monthsInBreach().stream().filter(month -> month.isAfter(votedIn)).findFirst().ifPresent(month -> {
            throw new RuleViolation(Invariant.I19, "monthsInBreachHaveBegunByTheVote",
                    "The branch voted on " + command.voteDate() + ", so " + month + " had not begun and cannot be "
                            + "counted as a month of absence or unpaid dues.");
        });
    }

    /** Attendance and dues are not recorded yet, so the branch names the months and the evidence shows them (I19). */
    private static void absenceOrUnpaidDuesSpansEnoughMonthsOfOneCalendarYear(ProposeStrikeOff command,
                                                                             DisciplinePolicy policy) {
        Map<Integer, Long> monthsPerYear = command.monthsInBreach() == null ? Map.of()
                : command.monthsInBreach().stream().distinct()
                .collect(Collectors.groupingBy(YearMonth::getYear, Collectors.counting()));
        long most = monthsPerYear.values().stream().mapToLong(Long::longValue).max().orElse(0);
        if (most < policy.strikeOffMonthCount()) {
            throw new RuleViolation(Invariant.I19, "absenceOrUnpaidDuesSpansEnoughMonthsOfOneCalendarYear",
                    "Striking off for absence or unpaid dues needs " + policy.strikeOffMonthCount()
                            + " distinct months within one calendar year; the proposal names at most " + most + ".");
        }
    }

    private void aVoluntaryExitFollowsTheMembersOwnRequest() {
        if (!exitRequested) {
            throw new RuleViolation(Invariant.I20, "aVoluntaryExitFollowsTheMembersOwnRequest",
                    "A voluntary exit is proposed only after the member asked in writing to leave the Party.");
        }
    }

    private static void branchVoteCannotExceedItsFullMembers(ProposeStrikeOff command, int electorate) {
        if (command.branchInFavour() < 0 || command.branchInFavour() > electorate) {
            throw new RuleViolation(Invariant.I20, "branchVoteCannotExceedItsFullMembers",
                    "The branch's vote counts " + command.branchInFavour() + " in favour of " + electorate
                            + " full members on the roll; that cannot be.");
        }
    }

    private void strikeOffFollowsAPassedBranchProposal(LocalDate decided) {
        if (proposal == null || !proposal.passed() || decided.isBefore(proposal.voteDate())) {
            throw new RuleViolation(Invariant.I20, "strikeOffFollowsAPassedBranchProposal",
                    "A member is struck off after the branch passed a proposal by more than half of its full members"
                            + (proposal == null ? "; there is none." : ", not before its vote on "
                            + proposal.voteDate() + (proposal.passed() ? "." : "; the last one failed.")));
        }
    }

    private void aVoluntaryExitWaitsForTheOpenDisciplineCase() {
        if (discipline.caseOpen()) {
            throw new RuleViolation(Invariant.I20, "aVoluntaryExitWaitsForTheOpenDisciplineCase",
                    "A member under an open discipline case is disciplined first; the voluntary exit is considered "
                            + "once the case is closed.");
        }
    }

    private void restorationFollowsTheAnnulmentOfTheExit(LocalDate restoredOn) {
        MemberStatus status = standing.status();
        AppealSubject exitDecision = status == MemberStatus.EXPELLED ? AppealSubject.DISCIPLINE
                : AppealSubject.STRIKE_OFF;
        boolean left = status == MemberStatus.STRUCK_OFF || status == MemberStatus.LEFT_VOLUNTARILY
                || status == MemberStatus.EXPELLED;
        Optional<LocalDate> annulledOn = discipline.annulledOn(exitDecision);
        if (!left || annulledOn.isEmpty()) {
            throw new RuleViolation(Invariant.I26, "restorationFollowsTheAnnulmentOfTheExit",
                    "Party status is restored only after an appeal annulled the strike-off or expulsion; record "
                            + standing.memberId() + " is " + status + " without such an annulment.");
        }
        if (restoredOn.isBefore(annulledOn.get())) {
            throw new RuleViolation(Invariant.I26, "restorationFollowsTheAnnulmentOfTheExit",
                    "The restoration of " + restoredOn + " cannot come before the annulment of "
                            + annulledOn.get() + " it follows.");
        }
    }

    private void deathIsRecordedForAMemberOnTheRoll() {
        if (standing.status() == null || !standing.status().isOnRoll()) {
            throw new RuleViolation(Invariant.I29, "deathIsRecordedForAMemberOnTheRoll",
                    "A death is recorded by the branch for a probationary or full member on its roll; this record is "
                            + standing.status() + ".");
        }
    }

    /**
     * The roll keeps each member's standing over time (the electorate of every vote): a death dated before the day the
     * member's home or status last changed — a letter presented, a merge, a recognition — would leave them on the new
     * roll from that day on, arrived after they died. One of the two dates is wrong: the death waits until it is put
     * right.
     */
    private void aDeathIsNotDatedBeforeTheMembersStandingBegan(LocalDate dateOfDeath) {
        if (dateOfDeath.isBefore(standing.standingSince())) {
            throw new RuleViolation(Invariant.I29, "aDeathIsNotDatedBeforeTheMembersStandingBegan",
                    "Member " + standing.memberId() + " has stood as " + standing.status() + " in "
                            + standing.homeOrgId() + " since " + standing.standingSince()
                            + ", so they cannot have died before, on " + dateOfDeath
                            + "; check the date of death or of the step that put them there.");
        }
    }

    @EventSourcingHandler
    void on(StrikeOffProposed event) {
        proposal = event;
    }

    @EventSourcingHandler
    void on(VoluntaryExitRequested event) {
        exitRequested = true;
    }

    @EventSourcingHandler
    void on(MemberStruckOff event) {
        proposal = null;
        exitRequested = false;
    }
}
