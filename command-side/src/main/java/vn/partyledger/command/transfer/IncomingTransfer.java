package vn.partyledger.command.transfer;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.domain.transfer.IncomingTransferRecorded;
import vn.partyledger.domain.transfer.IncomingTransferOverdue;
import vn.partyledger.domain.transfer.IncomingTransferRefused;
import vn.partyledger.domain.transfer.MarkIncomingTransferOverdue;
import vn.partyledger.domain.transfer.RecordIncomingTransfer;
import vn.partyledger.domain.transfer.RefuseIncomingTransfer;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An official transfer letter another province issued to a branch of this one (domain.md §9.1, ADR 0045), recorded
 * from the sending province's message with the member's transferable record. Its id is the sending province's
 * transfer id, so a second delivery of the same letter cannot open a second case. Its addressee may mark it overdue
 * once its present-by day has passed, and refuse it, once; the sending province is told of a refusal (ADR 0046).
 */
public class IncomingTransfer {

    @AggregateIdentifier
    private String transferId;
    private String memberId;
    private String sendingProvince;
    private String toOrgId;
    private String letterNo;
    private LocalDate letterDate;
    private LocalDate presentBy;
    private boolean overdue;
    private boolean refused;

    protected IncomingTransfer() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public IncomingTransfer(RecordIncomingTransfer command, OrganisationRegistry registry, Today today) {
        today.businessDateIsNotInTheFuture("incoming transfer letter", command.letterDate());
        anIncomingLetterIsAddressedToABranchOfThisProvince(command, registry);
        anIncomingLetterLeavesTimeToPresentIt(command);
        apply(new IncomingTransferRecorded(command.transferId(), command.memberId(), command.sendingProvince(),
                command.fromOrgId(), command.toOrgId(), command.letterNo(), command.letterDate(),
                command.presentBy(), command.record()));
    }

    /** The addressee refuses the letter: the sending province is told, and its member returns there. */
    @CommandHandler
    public void handle(RefuseIncomingTransfer command, Today today) {
        today.businessDateIsNotInTheFuture("refusal", command.refusedOn());
        onlyAnOpenIncomingLetterIsRefused();
        anIncomingLetterIsHandledByItsAddressee(command.receivingOrgId());
        anIncomingLetterIsRefusedNoEarlierThanItIsDated(command);
        apply(new IncomingTransferRefused(transferId, memberId, sendingProvince, toOrgId, command.reason(),
                command.refusedOn()));
    }

    /** Not presented by its present-by day: overdue here, as the sending side marks it there. */
    @CommandHandler
    public void handle(MarkIncomingTransferOverdue command, Today today) {
        today.businessDateIsNotInTheFuture("overdue mark", command.asOf());
        anOpenIncomingLetterIsMarkedOverdueOnce();
        anIncomingLetterIsHandledByItsAddressee(command.receivingOrgId());
        anIncomingLetterIsOverdueOnlyAfterItsPresentByDate(command);
        apply(new IncomingTransferOverdue(transferId, memberId, toOrgId, presentBy, command.asOf()));
    }

    private void anOpenIncomingLetterIsMarkedOverdueOnce() {
        if (refused || overdue) {
            throw new RuleViolation(Invariant.INCOMING_TRANSFER, "anOpenIncomingLetterIsMarkedOverdueOnce",
                    "Transfer letter " + letterNo + " from " + sendingProvince + " is "
                            + (refused ? "refused" : "overdue already")
                            + "; only an open letter is marked overdue, once.");
        }
    }

    private void anIncomingLetterIsOverdueOnlyAfterItsPresentByDate(MarkIncomingTransferOverdue command) {
        if (!command.asOf().isAfter(presentBy)) {
            throw new RuleViolation(Invariant.INCOMING_TRANSFER, "anIncomingLetterIsOverdueOnlyAfterItsPresentByDate",
                    "Transfer letter " + letterNo + " may be presented until " + presentBy
                            + ", so it is not overdue on " + command.asOf() + ".");
        }
    }

    private void onlyAnOpenIncomingLetterIsRefused() {
        if (refused) {
            throw new RuleViolation(Invariant.INCOMING_TRANSFER, "onlyAnOpenIncomingLetterIsRefused",
                    "Transfer letter " + letterNo + " from " + sendingProvince + " was refused already.");
        }
    }

    private void anIncomingLetterIsHandledByItsAddressee(String receivingOrgId) {
        if (!toOrgId.equals(receivingOrgId)) {
            throw new RuleViolation(Invariant.INCOMING_TRANSFER, "anIncomingLetterIsHandledByItsAddressee",
                    "Transfer letter " + letterNo + " is addressed to " + toOrgId + ", so " + receivingOrgId
                            + " can neither refuse it nor mark it overdue.");
        }
    }

    private void anIncomingLetterIsRefusedNoEarlierThanItIsDated(RefuseIncomingTransfer command) {
        if (command.refusedOn().isBefore(letterDate)) {
            throw new RuleViolation(Invariant.INCOMING_TRANSFER, "anIncomingLetterIsRefusedNoEarlierThanItIsDated",
                    "Transfer letter " + letterNo + " is dated " + letterDate + ", so it cannot be refused on "
                            + command.refusedOn() + ".");
        }
    }

    private static void anIncomingLetterIsAddressedToABranchOfThisProvince(RecordIncomingTransfer command,
                                                                           OrganisationRegistry registry) {
        boolean branch = registry.find(command.toOrgId())
                .filter(org -> org.kind().isBranch() && org.activeOn(command.letterDate())).isPresent();
        if (!branch) {
            throw new RuleViolation(Invariant.INCOMING_TRANSFER, "anIncomingLetterIsAddressedToABranchOfThisProvince",
                    "Transfer letter " + command.letterNo() + " from " + command.sendingProvince()
                            + " is addressed to " + command.toOrgId() + ", which is not a branch of this province on "
                            + command.letterDate() + ".");
        }
    }

    private static void anIncomingLetterLeavesTimeToPresentIt(RecordIncomingTransfer command) {
        if (!command.presentBy().isAfter(command.letterDate())) {
            throw new RuleViolation(Invariant.INCOMING_TRANSFER, "anIncomingLetterLeavesTimeToPresentIt",
                    "Transfer letter " + command.letterNo() + " is dated " + command.letterDate()
                            + " and must be presented by " + command.presentBy()
                            + "; a letter leaves the member time to present it.");
        }
    }

    @EventSourcingHandler
    void on(IncomingTransferRecorded event) {
        transferId = event.transferId();
        memberId = event.memberId();
        sendingProvince = event.sendingProvince();
        toOrgId = event.toOrgId();
        letterNo = event.letterNo();
        letterDate = event.letterDate();
        presentBy = event.presentBy();
    }

    @EventSourcingHandler
    void on(IncomingTransferOverdue event) {
        overdue = true;
    }

    @EventSourcingHandler
    void on(IncomingTransferRefused event) {
        refused = true;
    }
}
