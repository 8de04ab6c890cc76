package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.badge.AwardPartyBadge;
import vn.partyledger.domain.badge.ReclaimBadge;
import vn.partyledger.domain.badge.ReissueBadge;
import vn.partyledger.infra.axon.CommandOutcome;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Party badges", description = "Badges for years of party age")
public class BadgeCommands {

    private final CommandEndpoint endpoint;

    public BadgeCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @PostMapping("/{memberId}/award-party-badge")
    @Operation(summary = "Award a party badge (I24: a badge level, once, party age reached by the occasion or "
            + "within the early allowance for serious illness, on an anniversary or a decided occasion, to a full "
            + "member not within a discipline's deferral — with the branch's correction confirmation while the "
            + "discipline applies; posthumous only for a member who died a full member at most 12 months before "
            + "reaching the level, the one award I29 lets through on a deceased record)")
    public ResponseEntity<CommandOutcome> awardPartyBadge(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Award body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/reissue-badge")
    @Operation(summary = "Reissue a lost party badge for a stated good reason")
    public ResponseEntity<CommandOutcome> reissueBadge(@PathVariable @RecordId String memberId,
            @Valid @RequestBody BadgeReissue body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/reclaim-badge")
    @Operation(summary = "Record that an expelled member handed a badge back (docs/rules.md, I24: only a held badge, "
            + "only after expulsion)")
    public ResponseEntity<CommandOutcome> reclaimBadge(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Reclaim body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    /**
     * The occasion may lie ahead of the awarding decision, which is why only the decision must be past.
     * {@code correctionConfirmationRef} is the branch's confirmation that a disciplined member corrected the fault.
     */
    public record Award(@Positive int level,
                        @NotBlank @Size(max = 64) String badgeNumber,
                        @NotNull LocalDate occasionDate,
                        @Size(max = 64) String specialOccasionRef,
                        boolean seriousIllness,
                        boolean posthumous,
                        @Size(max = 64) String correctionConfirmationRef,
                        @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Signed<AwardPartyBadge> {

        @Override
        public AwardPartyBadge toCommand(String memberId) {
            return new AwardPartyBadge(memberId, level, badgeNumber, occasionDate, specialOccasionRef, seriousIllness,
                    posthumous, correctionConfirmationRef, decision.toDecisionRef());
        }
    }

    public record Reclaim(@Positive int level,
                          @NotNull @PastOrPresent LocalDate returnedOn,
                          @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Signed<ReclaimBadge> {

        @Override
        public ReclaimBadge toCommand(String memberId) {
            return new ReclaimBadge(memberId, level, returnedOn, decision.toDecisionRef());
        }

        @Override
        public LocalDate businessDate() {
            return returnedOn;
        }
    }

    public record BadgeReissue(@Positive int level,
                          @NotBlank @Size(max = 64) String newBadgeNumber,
                          @NotBlank @Size(max = 200) String reason,
                          @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Signed<ReissueBadge> {

        @Override
        public ReissueBadge toCommand(String memberId) {
            return new ReissueBadge(memberId, level, newBadgeNumber, reason, decision.toDecisionRef());
        }
    }
}
