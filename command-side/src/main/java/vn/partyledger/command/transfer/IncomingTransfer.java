package vn.partyledger.command.transfer;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.domain.transfer.IncomingTransferRecorded;
import vn.partyledger.domain.transfer.RecordIncomingTransfer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An official transfer letter another province issued to a branch of this one (domain.md §9.1, ADR 0045), recorded
 * from the sending province's message with the member's transferable record. Its id is the sending province's
 * transfer id, so a second delivery of the same letter cannot open a second case.
 */
public class IncomingTransfer {

    @AggregateIdentifier
    private String transferId;

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
    }
}
