package vn.partyledger.command.transfer;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.domain.transfer.IncomingTransferPresented;
import vn.partyledger.domain.transfer.IncomingTransferRecorded;
import vn.partyledger.domain.transfer.IncomingTransferOverdue;
import vn.partyledger.domain.transfer.IncomingTransferRefused;
import vn.partyledger.domain.transfer.MarkIncomingTransferOverdue;
import vn.partyledger.domain.transfer.PresentIncomingTransfer;
import vn.partyledger.domain.transfer.RecordIncomingTransfer;
import vn.partyledger.domain.transfer.RefuseIncomingTransfer;
import vn.partyledger.domain.transfer.TransferableRecord;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An official transfer letter another province issued to a branch of this one (domain.md §9.1, ADR 0045), recorded
 * from the sending province's message with the member's transferable record. Its id is the sending province's
 * transfer id, so a second delivery of the same letter cannot open a second case. Its addressee may mark it overdue
 * once its present-by day has passed, and refuse it; or the member presents it there and goes onto its roll; either
 * answer is given once, and the sending province is told of it (ADR 0046, ADR 0050).
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
    private TransferableRecord record;
    private boolean overdue;
    private boolean refused;
    private boolean presented;

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

    /**
     * The member presents the letter at its addressee (ADR 0050): the letter is closed here, and the process puts the
     * member on the branch's roll with the record it carried. The sending province is told by this event. As for a
     * letter within the province, a late presentation follows the overdue mark and names its reason.
     */
    public IncomingTransferPresented present(PresentIncomingTransfer command, Today today) {
        today.businessDateIsNotInTheFuture("presentation", command.presentedOn());
        onlyAnOpenIncomingLetterIsAnswered("presented");
        anIncomingLetterIsHandledByItsAddressee(command.receivingOrgId());
        anIncomingLetterIsAnsweredNoEarlierThanItIsDated("presented", command.presentedOn());
        aLateIncomingLetterIsPresentedAfterTheOverdueMarkWithItsReason(command);
        IncomingTransferPresented presentation = new IncomingTransferPresented(transferId, memberId, sendingProvince,
                toOrgId, presentBy, command.presentedOn(), command.presentedOn().isAfter(presentBy));
        apply(presentation);
        return presentation;
    }

    /** What the letter carried of the member's file, which the member's record here opens with. */
    public TransferableRecord record() {
        return record;
    }

    /** The addressee refuses the letter: the sending province is told, and its member returns there. */
    @CommandHandler
    public void handle(RefuseIncomingTransfer command, Today today) {
        today.businessDateIsNotInTheFuture("refusal", command.refusedOn());
        onlyAnOpenIncomingLetterIsAnswered("refused");
        anIncomingLetterIsHandledByItsAddressee(command.receivingOrgId());
        anIncomingLetterIsAnsweredNoEarlierThanItIsDated("refused", command.refusedOn());
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
        if (refused || presented || overdue) {
            throw new RuleViolation(Invariant.INCOMING_TRANSFER, "anOpenIncomingLetterIsMarkedOverdueOnce",
                    "Transfer letter " + letterNo + " from " + sendingProvince + " is "
                            + (refused ? "refused" : presented ? "presented" : "overdue already")
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

    /** A letter is answered once: presented or refused. */
    private void onlyAnOpenIncomingLetterIsAnswered(String answer) {
        if (refused || presented) {
            throw new RuleViolation(Invariant.INCOMING_TRANSFER, "onlyAnOpenIncomingLetterIsAnswered",
                    "Transfer letter " + letterNo + " from " + sendingProvince + " was "
                            + (refused ? "refused" : "presented") + " already, so it cannot be " + answer + ".");
        }
    }

    private void aLateIncomingLetterIsPresentedAfterTheOverdueMarkWithItsReason(PresentIncomingTransfer command) {
        if (command.presentedOn().isAfter(presentBy)
                && (!overdue || command.lateReasonCode() == null || command.lateReasonCode().isBlank())) {
            throw new RuleViolation(Invariant.INCOMING_TRANSFER,
                    "aLateIncomingLetterIsPresentedAfterTheOverdueMarkWithItsReason",
                    "Transfer letter " + letterNo + " had to be presented by " + presentBy
                            + "; a later presentation needs the overdue mark here and a late reason.");
        }
    }

    private void anIncomingLetterIsHandledByItsAddressee(String receivingOrgId) {
        if (!toOrgId.equals(receivingOrgId)) {
            throw new RuleViolation(Invariant.INCOMING_TRANSFER, "anIncomingLetterIsHandledByItsAddressee",
                    "Transfer letter " + letterNo + " is addressed to " + toOrgId + ", so " + receivingOrgId
                            + " can neither refuse it nor mark it overdue.");
        }
    }

    private void anIncomingLetterIsAnsweredNoEarlierThanItIsDated(String answer, LocalDate answeredOn) {
        if (answeredOn.isBefore(letterDate)) {
            throw new RuleViolation(Invariant.INCOMING_TRANSFER, "anIncomingLetterIsAnsweredNoEarlierThanItIsDated",
                    "Transfer letter " + letterNo + " is dated " + letterDate + ", so it cannot be " + answer + " on "
                            + answeredOn + ".");
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
        record = event.record();
    }

    @EventSourcingHandler
    void on(IncomingTransferPresented event) {
        presented = true;
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
