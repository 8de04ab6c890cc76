package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.transfer.CancelTransfer;
import vn.partyledger.domain.transfer.CancellationReason;
import vn.partyledger.domain.transfer.EndTemporaryAttachment;
import vn.partyledger.domain.transfer.ExtendTemporaryAttachment;
import vn.partyledger.domain.transfer.IssueTransferLetter;
import vn.partyledger.domain.transfer.IssueTransferLetterToProvince;
import vn.partyledger.domain.transfer.MarkTransferOverdue;
import vn.partyledger.domain.transfer.PresentTransferLetter;
import vn.partyledger.domain.transfer.ReissueTransferLetter;
import vn.partyledger.domain.transfer.TransferTrigger;
import vn.partyledger.domain.transfer.TransferType;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.infra.axon.CommandOutcome;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/transfers")
@Tag(name = "Transfers", description = "Transfer cases between two organisations of this deployment, or to another "
        + "province")
public class TransferCommands {

    private final CommandEndpoint endpoint;

    public TransferCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @PostMapping("/{transferId}/issue-transfer-letter")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a transfer letter and open the case: member on the roll, no other open transfer, "
            + "letter from the sending authority, present within 30 working days (I16); temporary 3 months to under "
            + "a year, two years for study (I17)")
    public ResponseEntity<CommandOutcome> issueTransferLetter(@PathVariable @RecordId String transferId,
            @Valid @RequestBody IssueLetter body, RequestContext context, HttpServletRequest http) {
        return endpoint.create(http, transferId, body, context);
    }

    @PostMapping("/{transferId}/issue-transfer-letter-to-province")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an official letter to a branch of another province and open the case (ADR 0046): "
            + "member on the roll, no other open transfer, letter from the sending authority (I16); the member's "
            + "transferable record goes to that province with the letter, and the member stays on this roll until "
            + "it confirms")
    public ResponseEntity<CommandOutcome> issueTransferLetterToProvince(@PathVariable @RecordId String transferId,
            @Valid @RequestBody IssueLetterToProvince body, RequestContext context, HttpServletRequest http) {
        return endpoint.create(http, transferId, body, context);
    }

    @PostMapping("/{transferId}/present-transfer-letter")
    @Operation(summary = "Present the letter to the receiving branch: official moves the home, temporary attaches "
            + "(I18: open letter, its addressee, a late presentation after the overdue mark with a reason)")
    public ResponseEntity<CommandOutcome> presentTransferLetter(@PathVariable @RecordId String transferId,
            @Valid @RequestBody PresentLetter body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, transferId, body, context);
    }

    @PostMapping("/{transferId}/mark-transfer-overdue")
    @Operation(summary = "Mark a letter not presented by its present-by date as overdue (I18)")
    public ResponseEntity<CommandOutcome> markTransferOverdue(@PathVariable @RecordId String transferId,
            @Valid @RequestBody MarkOverdue body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, transferId, body, context);
    }

    @PostMapping("/{transferId}/cancel-transfer")
    @Operation(summary = "Cancel a transfer whose letter is still in transit")
    public ResponseEntity<CommandOutcome> cancelTransfer(@PathVariable @RecordId String transferId,
            @Valid @RequestBody Cancel body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, transferId, body, context);
    }

    @PostMapping("/{transferId}/reissue-transfer-letter")
    @Operation(summary = "Reissue a lost letter with a new number for the same case, from the sending authority (I16)")
    public ResponseEntity<CommandOutcome> reissueTransferLetter(@PathVariable @RecordId String transferId,
            @Valid @RequestBody Reissue body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, transferId, body, context);
    }

    @PostMapping("/{transferId}/extend-temporary-attachment")
    @Operation(summary = "Extend a temporary attachment within the temporary-transfer range (I17)")
    public ResponseEntity<CommandOutcome> extendTemporaryAttachment(@PathVariable @RecordId String transferId,
            @Valid @RequestBody Extend body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, transferId, body, context);
    }

    @PostMapping("/{transferId}/end-temporary-attachment")
    @Operation(summary = "End a temporary attachment: the member returns home")
    public ResponseEntity<CommandOutcome> endTemporaryAttachment(@PathVariable @RecordId String transferId,
            @Valid @RequestBody EndAttachment body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, transferId, body, context);
    }

    public record IssueLetter(@NotNull @RecordId String memberId,
                              @NotNull TransferType type,
                              @NotNull @RecordId String fromOrgId,
                              @NotNull @RecordId String toOrgId,
                              @NotNull TransferTrigger trigger,
                              @NotNull @PastOrPresent LocalDate triggerDate,
                              @NotNull @PastOrPresent LocalDate requestedOn,
                              LocalDate expectedReturn,
                              @NotNull @Valid DecisionDocument letter)
            implements CommandBody.Signed<IssueTransferLetter> {

        @Override
        public IssueTransferLetter toCommand(String transferId) {
            return new IssueTransferLetter(transferId, memberId, type, fromOrgId, toOrgId, trigger, triggerDate,
                    requestedOn, expectedReturn, letter.toDecisionRef());
        }

        /** The letter is the decision: it dates the transfer. */
        @Override
        public DecisionDocument decision() {
            return letter;
        }
    }

    public record IssueLetterToProvince(@NotNull @RecordId String memberId,
                                        @NotNull @RecordId String fromOrgId,
                                        @NotBlank @Size(max = 200)
                                        @Schema(description = "the receiving province's deployment: its CloudEvents "
                                                + "source", example = "urn:partyledger:province:hn") String toProvince,
                                        @NotNull @RecordId @Schema(description = "the branch there, by its id in "
                                                + "that province") String toOrgId,
                                        @NotNull TransferTrigger trigger,
                                        @NotNull @PastOrPresent LocalDate triggerDate,
                                        @NotNull @PastOrPresent LocalDate requestedOn,
                                        @NotNull @Valid DecisionDocument letter)
            implements CommandBody.Signed<IssueTransferLetterToProvince> {

        @Override
        public IssueTransferLetterToProvince toCommand(String transferId) {
            return new IssueTransferLetterToProvince(transferId, memberId, fromOrgId, toProvince, toOrgId, trigger,
                    triggerDate, requestedOn, letter.toDecisionRef());
        }

        /** The letter is the decision: it dates the transfer. */
        @Override
        public DecisionDocument decision() {
            return letter;
        }
    }

    public record PresentLetter(@NotNull @RecordId String receivingOrgId,
                                @NotNull @PastOrPresent LocalDate presentedDate,
                                @Size(max = 64) String lateReasonCode)
            implements CommandBody<PresentTransferLetter> {

        @Override
        public PresentTransferLetter toCommand(String transferId) {
            return new PresentTransferLetter(transferId, receivingOrgId, presentedDate, lateReasonCode);
        }

        @Override
        public LocalDate businessDate() {
            return presentedDate;
        }
    }

    public record MarkOverdue(@NotNull @PastOrPresent LocalDate asOf)
            implements CommandBody<MarkTransferOverdue> {

        @Override
        public MarkTransferOverdue toCommand(String transferId) {
            return new MarkTransferOverdue(transferId, asOf);
        }

        @Override
        public LocalDate businessDate() {
            return asOf;
        }
    }

    public record Cancel(@NotNull CancellationReason reason,
                         @NotNull @PastOrPresent LocalDate cancelledOn,
                         @Valid DecisionDocument decision)
            implements CommandBody<CancelTransfer> {

        @Override
        public CancelTransfer toCommand(String transferId) {
            return new CancelTransfer(transferId, reason, cancelledOn);
        }

        @Override
        public LocalDate businessDate() {
            return cancelledOn;
        }

        @Override
        public DecisionRef decisionRef() {
            return DecisionDocument.toDecisionRef(decision);
        }
    }

    public record Reissue(@NotNull @Valid DecisionDocument letter)
            implements CommandBody.Signed<ReissueTransferLetter> {

        @Override
        public ReissueTransferLetter toCommand(String transferId) {
            return new ReissueTransferLetter(transferId, letter.toDecisionRef());
        }

        /** The new letter is the decision: it dates the reissue. */
        @Override
        public DecisionDocument decision() {
            return letter;
        }
    }

    public record Extend(@NotNull LocalDate newUntil,
                         @NotNull @PastOrPresent LocalDate extendedOn,
                         @NotNull @Valid DecisionDocument report)
            implements CommandBody<ExtendTemporaryAttachment> {

        @Override
        public ExtendTemporaryAttachment toCommand(String transferId) {
            return new ExtendTemporaryAttachment(transferId, newUntil, extendedOn);
        }

        @Override
        public LocalDate businessDate() {
            return extendedOn;
        }

        @Override
        public DecisionRef decisionRef() {
            return report.toDecisionRef();
        }
    }

    public record EndAttachment(@NotNull @PastOrPresent LocalDate returnDate,
                                @Size(max = 64) String hostFeedbackRef)
            implements CommandBody<EndTemporaryAttachment> {

        @Override
        public EndTemporaryAttachment toCommand(String transferId) {
            return new EndTemporaryAttachment(transferId, returnDate, hostFeedbackRef);
        }

        @Override
        public LocalDate businessDate() {
            return returnDate;
        }
    }
}
