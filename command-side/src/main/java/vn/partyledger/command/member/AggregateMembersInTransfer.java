package vn.partyledger.command.member;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import vn.partyledger.command.organisation.MembershipLedger;
import vn.partyledger.command.transfer.MembersInTransfer;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.transfer.TransferType;

import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Applies a transfer case's steps to the Member aggregate, loaded in the caller's unit of work. */
public class AggregateMembersInTransfer implements MembersInTransfer {

    private final Supplier<Repository<Member>> members;
    private final MembershipLedger ledger;

    /** Takes a supplier: Axon's repositories exist only once its configuration has started. */
    public AggregateMembersInTransfer(Supplier<Repository<Member>> members, MembershipLedger ledger) {
        this.members = members;
        this.ledger = ledger;
    }

    @Override
    public void open(String memberId, String transferId, TransferType type, String fromOrgId, String toOrgId,
                     LocalDate letterDate) {
        onMember(memberId, transfers -> transfers.open(transferId, type, fromOrgId, toOrgId, letterDate));
    }

    @Override
    public void changeHome(String memberId, String transferId, String toOrgId, LocalDate effectiveDate) {
        onMember(memberId, transfers -> transfers.changeHome(transferId, toOrgId, effectiveDate, ledger));
    }

    @Override
    public void attach(String memberId, String transferId, String hostOrgId, LocalDate from,
                       LocalDate expectedReturn) {
        onMember(memberId, transfers -> transfers.attach(transferId, hostOrgId, from, expectedReturn));
    }

    @Override
    public void presentedLate(String memberId, String transferId, LocalDate presentBy, LocalDate presentedDate) {
        onMember(memberId, transfers -> transfers.presentedLate(transferId, presentBy, presentedDate));
    }

    @Override
    public void close(String memberId, String transferId, LocalDate closedOn) {
        onMember(memberId, transfers -> transfers.close(transferId, closedOn));
    }

    private void onMember(String memberId, Consumer<MemberTransfers> step) {
        try {
            members.get().load(memberId).execute(member -> step.accept(member.transfers));
        } catch (AggregateNotFoundException notFound) {
            throw onlyAProbationaryOrFullMemberIsTransferred(memberId);
        }
    }

    private static RuleViolation onlyAProbationaryOrFullMemberIsTransferred(String memberId) {
        return new RuleViolation(Invariant.I16, "onlyAProbationaryOrFullMemberIsTransferred",
                "There is no member record " + memberId + ", so nobody can be transferred.");
    }
}
