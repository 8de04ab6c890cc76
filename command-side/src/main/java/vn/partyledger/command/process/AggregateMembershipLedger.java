package vn.partyledger.command.process;

import org.axonframework.modelling.command.AggregateNotFoundException;
import vn.partyledger.command.organisation.Organisation;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;

import java.time.LocalDate;
import java.util.function.Consumer;

/** Applies roll changes to the Organisation aggregate, loaded in the caller's unit of work. */
public record AggregateMembershipLedger(Records<Organisation> organisations) implements MembershipLedger {

    @Override
    public void enrol(String orgId, String memberId, MemberStatus status, LocalDate effectiveDate) {
        onRollOf(orgId, organisation -> organisation.enrol(memberId, status, effectiveDate));
    }

    @Override
    public void release(String orgId, String memberId, LocalDate effectiveDate) {
        onRollOf(orgId, organisation -> organisation.release(memberId, effectiveDate));
    }

    private void onRollOf(String orgId, Consumer<Organisation> change) {
        try {
            organisations.load(orgId).execute(change);
        } catch (AggregateNotFoundException notFound) {
            throw memberBelongsToABranchThatExistsOnTheBusinessDate(orgId);
        }
    }

    private static RuleViolation memberBelongsToABranchThatExistsOnTheBusinessDate(String orgId) {
        return new RuleViolation(Invariant.I27, "memberBelongsToABranchThatExistsOnTheBusinessDate",
                "Organisation " + orgId + " does not exist, so no member's standing can change on its roll.");
    }
}
