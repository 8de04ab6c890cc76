package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.member.ExchangePartyCard;
import vn.partyledger.domain.member.IssuePartyCard;
import vn.partyledger.domain.member.ReissuePartyCard;
import vn.partyledger.domain.member.ReportCardLost;
import vn.partyledger.infra.axon.CommandOutcome;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Party card", description = "Issue, loss, reissue and exchange of the party card")
public class PartyCardCommands {

    private final CommandEndpoint endpoint;

    public PartyCardCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @PostMapping("/{memberId}/issue-party-card")
    @Operation(summary = "Issue a party card (I13: full member, by the direct superior of the grassroots "
            + "organisation, no other card held)")
    public ResponseEntity<CommandOutcome> issuePartyCard(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody Issue body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, body, new IssuePartyCard(memberId, body.cardNumber(),
                        body.handedOverMeetingId(), body.decision().toDecisionRef()),
                body.decision().docDate(), body.decision().toDecisionRef(), context, HttpStatus.OK);
    }

    @PostMapping("/{memberId}/report-card-lost")
    @Operation(summary = "Report the member's valid party card lost")
    public ResponseEntity<CommandOutcome> reportCardLost(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody Loss body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, body, new ReportCardLost(memberId, body.reportedOn()), body.reportedOn(), null,
                context, HttpStatus.OK);
    }

    @PostMapping("/{memberId}/reissue-party-card")
    @Operation(summary = "Reissue a party card reported lost (I13: by the direct superior of the grassroots "
            + "organisation)")
    public ResponseEntity<CommandOutcome> reissuePartyCard(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody Reissue body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, body, new ReissuePartyCard(memberId, body.newCardNumber(),
                        body.decision().toDecisionRef()),
                body.decision().docDate(), body.decision().toDecisionRef(), context, HttpStatus.OK);
    }

    @PostMapping("/{memberId}/exchange-party-card")
    @Operation(summary = "Exchange the member's valid party card in a campaign such as CT-51-2025 (I13: by the "
            + "direct superior of the grassroots organisation)")
    public ResponseEntity<CommandOutcome> exchangePartyCard(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody Exchange body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, body, new ExchangePartyCard(memberId, body.newCardNumber(), body.campaign(),
                        body.decision().toDecisionRef()),
                body.decision().docDate(), body.decision().toDecisionRef(), context, HttpStatus.OK);
    }

    public record Issue(@NotBlank @Size(max = 64) String cardNumber,
                        @Size(max = 64) String handedOverMeetingId,
                        @NotNull @Valid DecisionDocument decision) {
    }

    public record Loss(@NotNull @PastOrPresent LocalDate reportedOn) {
    }

    public record Reissue(@NotBlank @Size(max = 64) String newCardNumber,
                          @NotNull @Valid DecisionDocument decision) {
    }

    public record Exchange(@NotBlank @Size(max = 64) String newCardNumber,
                           @NotBlank @Size(max = 64) String campaign,
                           @NotNull @Valid DecisionDocument decision) {
    }
}
