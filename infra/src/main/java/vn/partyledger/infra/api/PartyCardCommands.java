package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
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
    public ResponseEntity<CommandOutcome> issuePartyCard(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Issue body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/report-card-lost")
    @Operation(summary = "Report the member's valid party card lost")
    public ResponseEntity<CommandOutcome> reportCardLost(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Loss body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/reissue-party-card")
    @Operation(summary = "Reissue a party card reported lost (I13: by the direct superior of the grassroots "
            + "organisation)")
    public ResponseEntity<CommandOutcome> reissuePartyCard(@PathVariable @RecordId String memberId,
            @Valid @RequestBody CardReissue body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/exchange-party-card")
    @Operation(summary = "Exchange the member's valid party card in a campaign such as CT-51-2025 (I13: by the "
            + "direct superior of the grassroots organisation)")
    public ResponseEntity<CommandOutcome> exchangePartyCard(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Exchange body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    public record Issue(@NotBlank @Size(max = 64) String cardNumber,
                        @Size(max = 64) String handedOverMeetingId,
                        @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Signed<IssuePartyCard> {

        @Override
        public IssuePartyCard toCommand(String memberId) {
            return new IssuePartyCard(memberId, cardNumber, handedOverMeetingId, decision.toDecisionRef());
        }
    }

    public record Loss(@NotNull @PastOrPresent LocalDate reportedOn)
            implements CommandBody<ReportCardLost> {

        @Override
        public ReportCardLost toCommand(String memberId) {
            return new ReportCardLost(memberId, reportedOn);
        }

        @Override
        public LocalDate businessDate() {
            return reportedOn;
        }
    }

    public record CardReissue(@NotBlank @Size(max = 64) String newCardNumber,
                          @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Signed<ReissuePartyCard> {

        @Override
        public ReissuePartyCard toCommand(String memberId) {
            return new ReissuePartyCard(memberId, newCardNumber, decision.toDecisionRef());
        }
    }

    public record Exchange(@NotBlank @Size(max = 64) String newCardNumber,
                           @NotBlank @Size(max = 64) String campaign,
                           @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Signed<ExchangePartyCard> {

        @Override
        public ExchangePartyCard toCommand(String memberId) {
            return new ExchangePartyCard(memberId, newCardNumber, campaign, decision.toDecisionRef());
        }
    }
}
