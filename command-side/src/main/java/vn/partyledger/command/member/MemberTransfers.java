package vn.partyledger.command.member;

import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.command.organisation.MembershipLedger;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.transfer.MemberTemporarilyAttached;
import vn.partyledger.domain.transfer.MemberTransferClosed;
import vn.partyledger.domain.transfer.MemberTransferOpened;
import vn.partyledger.domain.transfer.TransferPresentedLate;
import vn.partyledger.domain.transfer.TransferType;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The member's side of its transfers: which case is open for it (a transfer case cannot see the others, so I16's "no
 * other open transfer" is checked here), and the home change an official transfer brings. Called by the TransferCase
 * in the same unit of work (ADR 0009).
 */
class MemberTransfers {

    private final Member member;
    /** The transfer case open for the member (letter in transit or temporary attachment), or null. */
    private String openTransferId;

    MemberTransfers(Member member) {
        this.member = member;
    }

    void open(String transferId, TransferType type, String fromOrgId, String toOrgId, LocalDate letterDate) {
        onlyAProbationaryOrFullMemberIsTransferred();
        aTransferLeavesFromTheMembersHome(fromOrgId);
        noOtherOpenTransfer();
        apply(new MemberTransferOpened(member.memberId(), transferId, type, fromOrgId, toOrgId, letterDate));
    }

    void changeHome(String transferId, String toOrgId, LocalDate effectiveDate, MembershipLedger ledger) {
        String fromOrgId = member.homeOrgId();
        apply(new MemberHomeChanged(member.memberId(), transferId, fromOrgId, toOrgId, effectiveDate));
        ledger.release(fromOrgId, member.memberId(), effectiveDate);
        ledger.enrol(toOrgId, member.memberId(), member.status(), effectiveDate);
    }

    void attach(String transferId, String hostOrgId, LocalDate from, LocalDate expectedReturn) {
        apply(new MemberTemporarilyAttached(member.memberId(), transferId, member.homeOrgId(), hostOrgId, from,
                expectedReturn));
    }

    /** Only the case itself knows its present-by date (a reissued letter moves it), so it tells the member. */
    void presentedLate(String transferId, LocalDate presentBy, LocalDate presentedDate) {
        apply(new TransferPresentedLate(member.memberId(), transferId, presentBy, presentedDate));
    }

    void close(String transferId, LocalDate closedOn) {
        apply(new MemberTransferClosed(member.memberId(), transferId, closedOn));
    }

    private void onlyAProbationaryOrFullMemberIsTransferred() {
        if (member.status() == null || !member.status().isOnRoll()) {
            throw new RuleViolation(Invariant.I16, "onlyAProbationaryOrFullMemberIsTransferred",
                    "Only a probationary or full member can be transferred; this record is " + member.status() + ".");
        }
    }

    private void aTransferLeavesFromTheMembersHome(String fromOrgId) {
        if (!fromOrgId.equals(member.homeOrgId())) {
            throw new RuleViolation(Invariant.I16, "aTransferLeavesFromTheMembersHome",
                    "The member's home is " + member.homeOrgId() + ", so a transfer cannot send them from "
                            + fromOrgId + ".");
        }
    }

    private void noOtherOpenTransfer() {
        if (openTransferId != null) {
            throw new RuleViolation(Invariant.I16, "noOtherOpenTransfer",
                    "Transfer " + openTransferId + " is still open for this member; complete or cancel it first.");
        }
    }

    @EventSourcingHandler
    void on(MemberTransferOpened event) {
        openTransferId = event.transferId();
    }

    @EventSourcingHandler
    void on(MemberHomeChanged event) {
        openTransferId = null;
    }

    @EventSourcingHandler
    void on(MemberTransferClosed event) {
        openTransferId = null;
    }
}
