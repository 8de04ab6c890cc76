package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.transfer.MarkIncomingTransferOverdue;
import vn.partyledger.domain.transfer.RefusalReason;
import vn.partyledger.domain.transfer.PresentIncomingTransfer;
import vn.partyledger.domain.transfer.RefuseIncomingTransfer;
import vn.partyledger.infra.axon.CommandOutcome;

import java.time.LocalDate;

/**
 * Letters other provinces sent to branches of this one (ADR 0045, 0046, 0050): recorded by the inbound integration,
 * marked overdue, refused or presented here at their addressee.
 */
@RestController
@RequestMapping("/api/v1/incoming-transfers")
@Tag(name = "Incoming transfers", description = "Letters from other provinces to branches of this one")
public class IncomingTransferCommands {

    private final CommandEndpoint endpoint;

    public IncomingTransferCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @PostMapping("/{transferId}/present-incoming-transfer")
    @Operation(summary = "The member presents a letter from another province at its addressee, once "
            + "(INCOMING_TRANSFER): the person, registered here first, goes onto the branch's roll with the record the "
            + "letter carried, and the sending province is told, which closes its case")
    public ResponseEntity<CommandOutcome> presentIncomingTransfer(@PathVariable @RecordId String transferId,
            @Valid @RequestBody PresentIncoming body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, transferId, body, context);
    }

    @PostMapping("/{transferId}/refuse-incoming-transfer")
    @Operation(summary = "Refuse a letter from another province, as its addressee, once (INCOMING_TRANSFER): the "
            + "sending province is told and its member returns there")
    public ResponseEntity<CommandOutcome> refuseIncomingTransfer(@PathVariable @RecordId String transferId,
            @Valid @RequestBody RefuseIncoming body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, transferId, body, context);
    }

    @PostMapping("/{transferId}/mark-incoming-transfer-overdue")
    @Operation(summary = "Mark a letter from another province not presented by its present-by day as overdue, as its "
            + "addressee, once (INCOMING_TRANSFER)")
    public ResponseEntity<CommandOutcome> markIncomingTransferOverdue(@PathVariable @RecordId String transferId,
            @Valid @RequestBody MarkIncomingOverdue body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, transferId, body, context);
    }

    public record MarkIncomingOverdue(@NotNull @RecordId String receivingOrgId,
                                      @NotNull @PastOrPresent LocalDate asOf)
            implements CommandBody<MarkIncomingTransferOverdue> {

        @Override
        public MarkIncomingTransferOverdue toCommand(String transferId) {
            return new MarkIncomingTransferOverdue(transferId, receivingOrgId, asOf);
        }

        @Override
        public LocalDate businessDate() {
            return asOf;
        }
    }

    public record PresentIncoming(@NotNull @RecordId String receivingOrgId,
                                  @NotNull @RecordId String personId,
                                  @NotNull @PastOrPresent LocalDate presentedOn,
                                  @Size(max = 64) String lateReasonCode)
            implements CommandBody<PresentIncomingTransfer> {

        @Override
        public PresentIncomingTransfer toCommand(String transferId) {
            return new PresentIncomingTransfer(transferId, receivingOrgId, personId, presentedOn, lateReasonCode);
        }

        @Override
        public LocalDate businessDate() {
            return presentedOn;
        }
    }

    public record RefuseIncoming(@NotNull @RecordId String receivingOrgId,
                                 @NotNull RefusalReason reason,
                                 @NotNull @PastOrPresent LocalDate refusedOn)
            implements CommandBody<RefuseIncomingTransfer> {

        @Override
        public RefuseIncomingTransfer toCommand(String transferId) {
            return new RefuseIncomingTransfer(transferId, receivingOrgId, reason, refusedOn);
        }

        @Override
        public LocalDate businessDate() {
            return refusedOn;
        }
    }
}
