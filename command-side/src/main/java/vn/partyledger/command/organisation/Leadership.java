package vn.partyledger.command.organisation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.domain.organisation.BranchLeadershipElected;
import vn.partyledger.domain.organisation.RecordLeadershipElection;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organisation's elected secretary, deputies and committee: a branch's come from the full members on its roll, a
 * committee's from the full members of the branches under it (docs/rules.md#LEADERSHIP). How many are in office on a
 * day is what a committee's vote counts against (docs/rules.md#I6).
 */
final class Leadership {

    /** The one thing leadership reads of the roll. */
    interface FullMembersOnRoll {

        boolean isFullMember(String memberId);
    }

    private final Lifetime lifetime;
    private final FullMembersOnRoll roll;
    private Timeline<Integer> inOffice = Timeline.empty();

    Leadership(Lifetime lifetime, FullMembersOnRoll roll) {
        this.lifetime = lifetime;
        this.roll = roll;
    }

    @CommandHandler
    void handle(RecordLeadershipElection command, FullMemberHomes homes, OrganisationRegistry registry,
                Today today) {
        Lifetime.everyChangeIsADecision(command.decision());
        today.changeHasTakenEffect("leadership term", command.termStart(), command.decision());
        lifetime.anOrganisationChangesOnlyWhileItExists(command.termStart());
        if (lifetime.isBranchOn(command.termStart())) {
            leadersAreFullMembersOnTheBranchRoll(command);
        } else {
            aCommitteesLeadersAreFullMembersOfTheBranchesUnderIt(command, homes, registry);
        }
        apply(new BranchLeadershipElected(lifetime.orgId(), command.termStart(), command.secretaryMemberId(),
                List.copyOf(command.deputyMemberIds()), List.copyOf(command.committeeMemberIds())));
    }

    /** How many leaders were in office on each day: the secretary, deputies and committee of the term then running. */
    Timeline<Integer> inOffice() {
        return inOffice;
    }

    private void leadersAreFullMembersOnTheBranchRoll(RecordLeadershipElection command) {
        List<String> notFull = leadersWho(command, memberId -> !roll.isFullMember(memberId));
        if (!notFull.isEmpty()) {
            throw new RuleViolation(Invariant.LEADERSHIP, "leadersAreFullMembersOnTheBranchRoll",
                    "Only full members on the roll of branch " + lifetime.orgId() + " elect and are elected; "
                            + notFull + " are not.");
        }
    }

    private void aCommitteesLeadersAreFullMembersOfTheBranchesUnderIt(RecordLeadershipElection command,
                                                                       FullMemberHomes homes,
                                                                       OrganisationRegistry registry) {
        LocalDate termStart = command.termStart();
        List<String> notUnder = leadersWho(command, memberId -> homes.branchOfFullMember(memberId, termStart)
                .filter(branchId -> registry.isSelfOrAncestor(lifetime.orgId(), branchId, termStart))
                .isEmpty());
        if (!notUnder.isEmpty()) {
            throw new RuleViolation(Invariant.LEADERSHIP, "aCommitteesLeadersAreFullMembersOfTheBranchesUnderIt",
                    "A committee is elected from the full members on the rolls of the branches under "
                            + lifetime.orgId() + " on " + termStart + "; " + notUnder + " are not such members"
                            + " (a member the ledger does not know is imported first: docs/onboarding/import-file.md).");
        }
    }

    private static List<String> leadersWho(RecordLeadershipElection command, Predicate<String> condition) {
        return leaders(command.secretaryMemberId(), command.deputyMemberIds(), command.committeeMemberIds())
                .filter(condition)
                .toList();
    }

    private static Stream<String> leaders(String secretary, List<String> deputies, List<String> committee) {
        return Stream.of(List.of(secretary), deputies, committee).flatMap(List::stream).distinct();
    }

    @EventSourcingHandler
    void on(BranchLeadershipElected event) {
        inOffice = inOffice.with(event.termStart(), (int) leaders(event.secretaryMemberId(), event.deputyMemberIds(),
                event.committeeMemberIds()).count());
    }
}
