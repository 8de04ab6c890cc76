package vn.partyledger.command.organisation;

import org.axonframework.commandhandling.CommandHandler;
import vn.partyledger.domain.organisation.BranchLeadershipElected;
import vn.partyledger.domain.organisation.RecordLeadershipElection;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;

import java.util.List;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A branch's elected secretary, deputies and committee: only full members on its roll elect and are elected
 * (docs/rules.md#LEADERSHIP).
 */
final class Leadership {

    /** The one thing leadership reads of the roll. */
    interface FullMembersOnRoll {

        boolean isFullMember(String memberId);
    }

    private final Lifetime lifetime;
    private final FullMembersOnRoll roll;

    Leadership(Lifetime lifetime, FullMembersOnRoll roll) {
        this.lifetime = lifetime;
        this.roll = roll;
    }

    @CommandHandler
    void handle(RecordLeadershipElection command, Today today) {
        Lifetime.everyChangeIsADecision(command.decision());
        today.changeHasTakenEffect("leadership term", command.termStart(), command.decision());
        lifetime.anOrganisationChangesOnlyWhileItExists(command.termStart());
        leadersAreFullMembersOnTheBranchRoll(command);
        apply(new BranchLeadershipElected(lifetime.orgId(), command.termStart(), command.secretaryMemberId(),
                List.copyOf(command.deputyMemberIds()), List.copyOf(command.committeeMemberIds())));
    }

    private void leadersAreFullMembersOnTheBranchRoll(RecordLeadershipElection command) {
        List<String> notFull = Stream.of(List.of(command.secretaryMemberId()), command.deputyMemberIds(),
                        command.committeeMemberIds())
                .flatMap(List::stream)
                .filter(memberId -> !roll.isFullMember(memberId))
                .distinct()
                .toList();
        if (!notFull.isEmpty()) {
            throw new RuleViolation(Invariant.LEADERSHIP, "leadersAreFullMembersOnTheBranchRoll",
                    "Only full members on the roll of branch " + lifetime.orgId() + " elect and are elected; "
                            + notFull + " are not.");
        }
    }
}
