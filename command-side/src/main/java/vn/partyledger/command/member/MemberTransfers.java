package vn.partyledger.command.member;

import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.member.MemberCollectivelyTransferred;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.transfer.MemberLeftForProvince;
import vn.partyledger.domain.transfer.MemberTemporarilyAttached;
import vn.partyledger.domain.transfer.MemberTransferClosed;
import vn.partyledger.domain.transfer.MemberTransferOpened;
import vn.partyledger.domain.transfer.TransferPresentedLate;
import vn.partyledger.domain.transfer.TransferType;

import java.time.LocalDate;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The member's side of its transfers: which case is open for it (a transfer case cannot see the others, so I16's "no
 * other open transfer" is checked here), the home change an official transfer brings, and the collective transfer of a
 * merge or split. Called by the processes that change the transfer case or the organisations in the same unit of work
 * (process.TransferOfAMember, process.OrganisationRestructuring; ADR 0009).
 */
class MemberTransfers {

    private final Standing standing;
    /** The transfer case open for the member (letter in transit or temporary attachment), or null. */
    private String openTransferId;

    MemberTransfers(Standing standing) {
        this.standing = standing;
    }

    /** The transfer case open for the member, if any: a death ends it (I29). */
    Optional<String> inProgress() {
        return Optional.ofNullable(openTransferId);
    }

    void open(String transferId, TransferType type, String fromOrgId, String toOrgId, LocalDate letterDate) {
        onlyAProbationaryOrFullMemberIsTransferred();
        aTransferLeavesFromTheMembersHome(fromOrgId);
        noOtherOpenTransfer();
        apply(new MemberTransferOpened(standing.memberId(), transferId, type, fromOrgId, toOrgId, letterDate));
    }

    MemberHomeChanged changeHome(String transferId, String toOrgId, LocalDate effectiveDate) {
        MemberHomeChanged changed = new MemberHomeChanged(standing.memberId(), transferId, standing.homeOrgId(),
                toOrgId, effectiveDate);
        apply(changed);
        return changed;
    }

    void attach(String transferId, String hostOrgId, LocalDate from, LocalDate expectedReturn) {
        apply(new MemberTemporarilyAttached(standing.memberId(), transferId, standing.homeOrgId(), hostOrgId, from,
                expectedReturn));
    }

    /** Only the case itself knows its present-by date (a reissued letter moves it), so it tells the member. */
    void presentedLate(String transferId, LocalDate presentBy, LocalDate presentedDate) {
        apply(new TransferPresentedLate(standing.memberId(), transferId, presentBy, presentedDate));
    }

    void close(String transferId, LocalDate closedOn) {
        apply(new MemberTransferClosed(standing.memberId(), transferId, closedOn));
    }

    /**
     * Moves the member's home to {@code toOrgId} as part of an organisation's merge or split (I2): no letter, no
     * deadline, no gap in party age.
     */
    void transferCollectively(String fromOrgId, String toOrgId, LocalDate effectiveDate) {
        collectiveTransferMovesAMemberFromTheirCurrentHome(fromOrgId);
        apply(new MemberCollectivelyTransferred(standing.memberId(), fromOrgId, toOrgId, effectiveDate));
    }

    private void collectiveTransferMovesAMemberFromTheirCurrentHome(String fromOrgId) {
        if (!standing.onRoll() || !fromOrgId.equals(standing.homeOrgId())) {
            throw new RuleViolation(Invariant.I2, "collectiveTransferMovesAMemberFromTheirCurrentHome",
                    "Only a probationary or full member whose home is " + fromOrgId
                            + " is moved by its merge or split; member " + standing.memberId() + " is "
                            + standing.status() + " with home " + standing.homeOrgId() + ".");
        }
    }

    private void onlyAProbationaryOrFullMemberIsTransferred() {
        if (standing.status() == null || !standing.status().isOnRoll()) {
            throw new RuleViolation(Invariant.I16, "onlyAProbationaryOrFullMemberIsTransferred",
                    "Only a probationary or full member can be transferred; this record is " + standing.status() + ".");
        }
    }

    private void aTransferLeavesFromTheMembersHome(String fromOrgId) {
        if (!fromOrgId.equals(standing.homeOrgId())) {
            throw new RuleViolation(Invariant.I16, "aTransferLeavesFromTheMembersHome",
                    "The member's home is " + standing.homeOrgId() + ", so a transfer cannot send them from "
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

    /**
     * Live, the letter opened the case already; an attachment imported from the paper file opens it here, having no
     * letter (ADR 0028).
     */
    @EventSourcingHandler
    void on(MemberTemporarilyAttached event) {
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

    @EventSourcingHandler
    void on(MemberLeftForProvince event) {
        openTransferId = null;
    }

    MemberLeftForProvince leaveForProvince(String transferId, String toProvince, String toOrgId, LocalDate leftOn) {
        MemberLeftForProvince left = new MemberLeftForProvince(standing.memberId(), transferId, standing.homeOrgId(),
                toProvince, toOrgId, leftOn);
        apply(left);
        return left;
    }

    /**
     * Death ends the open transfer: the process recording it ends the case in the same unit of work, and an annulled
     * death does not reopen it, so the member is free for a new letter (ADR 0026).
     */
    @EventSourcingHandler
    void on(MemberDeceased event) {
        openTransferId = null;
    }
}
