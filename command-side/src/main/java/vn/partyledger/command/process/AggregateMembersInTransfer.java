package vn.partyledger.command.process;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import vn.partyledger.command.member.Member;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.transfer.MemberLeftForProvince;
import vn.partyledger.domain.transfer.TransferType;

import vn.partyledger.domain.discipline.DisciplinePolicy;
import vn.partyledger.domain.transfer.TransferableRecord;

import java.time.LocalDate;

/** Applies a transfer case's steps to the Member aggregate, loaded in the caller's unit of work. */
public record AggregateMembersInTransfer(Records<Member> members, MembershipLedger ledger) implements MembersInTransfer {

    @Override
    public void open(String memberId, String transferId, TransferType type, String fromOrgId, String toOrgId,
                     LocalDate letterDate) {
        member(memberId).execute(member -> member.openTransfer(transferId, type, fromOrgId, toOrgId, letterDate));
    }

    /** The home moves, and the rolls with it: released at the sender, enrolled at the receiver in the same status. */
    @Override
    public void changeHome(String memberId, String transferId, String toOrgId, LocalDate effectiveDate) {
        Aggregate<Member> member = member(memberId);
        MemberHomeChanged moved = member.invoke(m -> m.changeHome(transferId, toOrgId, effectiveDate));
        MemberStatus status = member.invoke(Member::status);
        ledger.release(moved.fromOrgId(), memberId, effectiveDate);
        ledger.enrol(moved.toOrgId(), memberId, status, effectiveDate);
    }

    @Override
    public void attach(String memberId, String transferId, String hostOrgId, LocalDate from,
                       LocalDate expectedReturn) {
        member(memberId).execute(member -> member.attach(transferId, hostOrgId, from, expectedReturn));
    }

    @Override
    public void presentedLate(String memberId, String transferId, LocalDate presentBy, LocalDate presentedDate) {
        member(memberId).execute(member -> member.transferPresentedLate(transferId, presentBy, presentedDate));
    }

    @Override
    public TransferableRecord transferableRecord(String memberId, LocalDate asOf, DisciplinePolicy policy) {
        return member(memberId).invoke(member -> member.transferableRecord(asOf, policy));
    }

    @Override
    public void leaveForProvince(String memberId, String transferId, String toProvince, String toOrgId,
                                 LocalDate leftOn) {
        MemberLeftForProvince left = member(memberId)
                .invoke(member -> member.leaveForProvince(transferId, toProvince, toOrgId, leftOn));
        ledger.release(left.homeOrgId(), memberId, leftOn);
    }

    @Override
    public void close(String memberId, String transferId, LocalDate closedOn) {
        member(memberId).execute(member -> member.closeTransfer(transferId, closedOn));
    }

    private Aggregate<Member> member(String memberId) {
        try {
            return members.load(memberId);
        } catch (AggregateNotFoundException notFound) {
            throw onlyAProbationaryOrFullMemberIsTransferred(memberId);
        }
    }

    private static RuleViolation onlyAProbationaryOrFullMemberIsTransferred(String memberId) {
        return new RuleViolation(Invariant.I16, "onlyAProbationaryOrFullMemberIsTransferred",
                "There is no member record " + memberId + ", so nobody can be transferred.");
    }
}
