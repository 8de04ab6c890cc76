package vn.partyledger.command.process;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import vn.partyledger.command.organisation.GrassrootsOrganisations;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.command.transfer.Presentation;
import vn.partyledger.command.transfer.TransferCase;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.domain.transfer.CancelTransfer;
import vn.partyledger.domain.transfer.EndTemporaryAttachment;
import vn.partyledger.domain.discipline.DisciplinePolicy;
import vn.partyledger.domain.transfer.IssueTransferLetter;
import vn.partyledger.domain.transfer.IssueTransferLetterToProvince;
import vn.partyledger.domain.transfer.RecordTransferPresentation;
import vn.partyledger.domain.transfer.RecordTransferRefusal;
import vn.partyledger.domain.transfer.TransferPresentedInProvince;
import vn.partyledger.domain.transfer.TransferRefusedByProvince;
import vn.partyledger.domain.transfer.TransferableRecord;
import vn.partyledger.domain.transfer.PresentTransferLetter;
import vn.partyledger.domain.transfer.TemporaryAttachmentEnded;
import vn.partyledger.domain.transfer.TransferCancelled;
import vn.partyledger.domain.transfer.TransferPolicy;
import vn.partyledger.domain.transfer.TransferType;

/**
 * A member's transfer (docs/rules.md#s9, I16–I18, ADR 0009): the steps of a transfer case that the member's record
 * follows in the same unit of work — the letter opens a transfer on the member (who checks its status, home and other
 * transfers), its presentation moves the home and the rolls or attaches the member to the host, and a cancellation or
 * the end of an attachment closes it.
 */
public record TransferOfAMember(Records<TransferCase> cases, MembersInTransfer members) {

    @CommandHandler
    public void handle(IssueTransferLetter command, OrganisationRegistry registry, GrassrootsOrganisations grassroots,
                       WorkingDayCalendar calendar, TransferPolicy policy, Today today) throws Exception {
        cases.create(() -> new TransferCase(command, registry, grassroots, calendar, policy, today));
        members.open(command.memberId(), command.transferId(), command.type(), command.fromOrgId(),
                command.toOrgId(), command.letter().docDate());
    }

    /**
     * A letter to another province (ADR 0046): the member's side is checked and opened first, since its record as it
     * stands then is what the letter carries.
     */
    @CommandHandler
    public void handle(IssueTransferLetterToProvince command, OrganisationRegistry registry,
                       GrassrootsOrganisations grassroots, WorkingDayCalendar calendar, TransferPolicy policy,
                       DisciplinePolicy discipline, Today today) throws Exception {
        members.open(command.memberId(), command.transferId(), TransferType.OFFICIAL, command.fromOrgId(),
                command.toOrgId(), command.letter().docDate());
        TransferableRecord record = members.transferableRecord(command.memberId(), command.letter().docDate(),
                discipline);
        cases.create(() -> TransferCase.sentToProvince(command, record, registry, grassroots, calendar, policy,
                today));
    }

    @CommandHandler
    public void handle(PresentTransferLetter command, MetaData metaData, Today today) {
        Presentation presented = cases.addressed(command.transferId(), metaData)
                .invoke(transfer -> transfer.present(command, today));
        if (presented.type() == TransferType.OFFICIAL) {
            members.changeHome(presented.memberId(), presented.transferId(), presented.toOrgId(),
                    presented.presentedDate());
        } else {
            members.attach(presented.memberId(), presented.transferId(), presented.toOrgId(),
                    presented.presentedDate(), presented.expectedReturn());
        }
        if (presented.late()) {
            members.presentedLate(presented.memberId(), presented.transferId(), presented.presentBy(),
                    presented.presentedDate());
        }
    }

    @CommandHandler
    public void handle(CancelTransfer command, MetaData metaData, Today today) {
        TransferCancelled cancelled = cases.addressed(command.transferId(), metaData)
                .invoke(transfer -> transfer.cancel(command, today));
        members.close(cancelled.memberId(), cancelled.transferId(), cancelled.cancelledOn());
    }

    /** Refused by the province it was sent to: the member, still on this roll, is no longer in transit (ADR 0046). */
    @CommandHandler
    public void handle(RecordTransferRefusal command, MetaData metaData, Today today) {
        TransferRefusedByProvince refused = cases.addressed(command.transferId(), metaData)
                .invoke(transfer -> transfer.refuse(command, today));
        members.close(refused.memberId(), refused.transferId(), refused.refusedOn());
    }

    /** Presented in the province it was sent to: the member leaves this roll for that province's (ADR 0050). */
    @CommandHandler
    public void handle(RecordTransferPresentation command, MetaData metaData, Today today) {
        TransferPresentedInProvince presented = cases.addressed(command.transferId(), metaData)
                .invoke(transfer -> transfer.presentedInProvince(command, today));
        members.leaveForProvince(presented.memberId(), presented.transferId(), presented.toProvince(),
                presented.toOrgId(), presented.presentedOn());
    }

    @CommandHandler
    public void handle(EndTemporaryAttachment command, MetaData metaData, Today today) {
        TemporaryAttachmentEnded ended = cases.addressed(command.transferId(), metaData)
                .invoke(transfer -> transfer.endAttachment(command, today));
        members.close(ended.memberId(), ended.transferId(), ended.returnDate());
    }
}
