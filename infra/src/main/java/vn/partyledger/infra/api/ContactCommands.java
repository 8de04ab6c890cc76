package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.member.RecordContactRestored;
import vn.partyledger.domain.member.RecordLostContact;
import vn.partyledger.infra.axon.CommandOutcome;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Contact", description = "A member's lost contact with the party organisation, a party-age gap")
public class ContactCommands {

    private final CommandEndpoint endpoint;

    public ContactCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @PostMapping("/{memberId}/record-lost-contact")
    @Operation(summary = "Record that a probationary or full member lost contact from a date, by the member's branch "
            + "or a committee above it, once until restored (LOST_CONTACT); the time is a party-age gap (§7.1)")
    public ResponseEntity<CommandOutcome> recordLostContact(@PathVariable @RecordId String memberId,
            @Valid @RequestBody LostContact body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/record-contact-restored")
    @Operation(summary = "Record that a member out of contact took part again from a date no earlier than the loss "
            + "(LOST_CONTACT); the party-age gap closes there")
    public ResponseEntity<CommandOutcome> recordContactRestored(@PathVariable @RecordId String memberId,
            @Valid @RequestBody ContactRestored body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    public record LostContact(@NotNull @PastOrPresent LocalDate from,
                              @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Signed<RecordLostContact> {

        @Override
        public RecordLostContact toCommand(String memberId) {
            return new RecordLostContact(memberId, from, decision.toDecisionRef());
        }
    }

    public record ContactRestored(@NotNull @PastOrPresent LocalDate to,
                                  @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Signed<RecordContactRestored> {

        @Override
        public RecordContactRestored toCommand(String memberId) {
            return new RecordContactRestored(memberId, to, decision.toDecisionRef());
        }
    }
}
