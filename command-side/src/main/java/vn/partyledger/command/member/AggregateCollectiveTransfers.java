package vn.partyledger.command.member;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import vn.partyledger.command.organisation.CollectiveTransfers;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;

import java.time.LocalDate;
import java.util.function.Supplier;

/** Moves a member's home by loading the Member aggregate in the caller's unit of work (organisation merge or split). */
public class AggregateCollectiveTransfers implements CollectiveTransfers {

    private final Supplier<Repository<Member>> members;

    /** Takes a supplier: Axon's repositories exist only once its configuration has started. */
    public AggregateCollectiveTransfers(Supplier<Repository<Member>> members) {
        this.members = members;
    }

    @Override
    public void transfer(String memberId, String fromOrgId, String toOrgId, LocalDate effectiveDate) {
        try {
            members.get().load(memberId).execute(member -> member.transferCollectively(fromOrgId, toOrgId,
                    effectiveDate));
        } catch (AggregateNotFoundException notFound) {
            throw collectiveTransferMovesAMemberFromTheirCurrentHome(memberId, fromOrgId);
        }
    }

    private static RuleViolation collectiveTransferMovesAMemberFromTheirCurrentHome(String memberId, String fromOrgId) {
        return new RuleViolation(Invariant.I2, "collectiveTransferMovesAMemberFromTheirCurrentHome",
                "Member " + memberId + " on the roll of " + fromOrgId + " has no record, so cannot be moved.");
    }
}
