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
import vn.partyledger.domain.exemption.EndExemption;
import vn.partyledger.domain.exemption.ExemptionEndReason;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.exemption.ExemptionReason;
import vn.partyledger.domain.exemption.GrantExemption;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.infra.axon.CommandOutcome;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Exemptions", description = "Exemptions from party work and meetings")
public class ExemptionCommands {

    private final CommandEndpoint endpoint;

    public ExemptionCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @PostMapping("/{memberId}/grant-exemption")
    @Operation(summary = "Grant a full exemption (I14: full member, own application, advanced age and poor health, "
            + "decided by the branch) or a temporary one (I15: until required, under 12 months when away, decided "
            + "by the grassroots committee)")
    public ResponseEntity<CommandOutcome> grantExemption(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Grant body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/end-exemption")
    @Operation(summary = "End the member's exemption in force: resumed, expired or revoked")
    public ResponseEntity<CommandOutcome> endExemption(@PathVariable @RecordId String memberId,
            @Valid @RequestBody End body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    public record Grant(@NotNull ExemptionKind kind,
                        @NotNull ExemptionReason reason,
                        @NotNull LocalDate from,
                        LocalDate until,
                        @Size(max = 64) String applicationRef,
                        @NotNull @Valid DecisionDocument resolution)
            implements CommandBody<GrantExemption> {

        @Override
        public GrantExemption toCommand(String memberId) {
            return new GrantExemption(memberId, kind, reason, from, until, applicationRef,
                    resolution.toDecisionRef());
        }

        @Override
        public LocalDate businessDate() {
            return resolution.docDate();
        }

        @Override
        public DecisionRef decisionRef() {
            return resolution.toDecisionRef();
        }
    }

    public record End(@NotNull ExemptionEndReason reason,
                      @NotNull @PastOrPresent LocalDate endedOn,
                      @Size(max = 64) String returnFeedbackRef,
                      @Valid DecisionDocument decision)
            implements CommandBody<EndExemption> {

        @Override
        public EndExemption toCommand(String memberId) {
            return new EndExemption(memberId, reason, endedOn, returnFeedbackRef);
        }

        @Override
        public LocalDate businessDate() {
            return endedOn;
        }

        @Override
        public DecisionRef decisionRef() {
            return DecisionDocument.toDecisionRef(decision);
        }
    }
}
