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
import vn.partyledger.domain.correction.AnnulEntry;
import vn.partyledger.domain.correction.CorrectEntryDate;
import vn.partyledger.domain.correction.CorrectionReason;
import vn.partyledger.infra.axon.CommandOutcome;

import java.time.LocalDate;

/** Corrections of a member's record: new events naming the mistaken entry's event id; the log keeps both (I30). */
@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Corrections", description = "Annul a mistaken entry or correct its date, by a new event (I30)")
public class CorrectionCommands {

    private final CommandEndpoint endpoint;

    public CorrectionCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @PostMapping("/{memberId}/annul-entry")
    @Operation(summary = "Annul a death, strike-off, badge award or exemption keyed by mistake, named by its event id "
            + "(I30: still in effect, annulled once, signed by the committee that admits or the entry's decider)")
    public ResponseEntity<CommandOutcome> annulEntry(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Annulment body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/correct-entry-date")
    @Operation(summary = "Correct the date of death or of the admission decision, named by its event id (I30: the "
            + "entry still in effect, the corrected date in order with the record)")
    public ResponseEntity<CommandOutcome> correctEntryDate(@PathVariable @RecordId String memberId,
            @Valid @RequestBody DateCorrection body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    public record Annulment(@NotNull @RecordId String eventId,
                            @NotNull CorrectionReason reason,
                            @NotNull @Valid DecisionDocument decision) implements CommandBody.Signed<AnnulEntry> {

        @Override
        public AnnulEntry toCommand(String memberId) {
            return new AnnulEntry(memberId, eventId, reason, decision.toDecisionRef());
        }
    }

    public record DateCorrection(@NotNull @RecordId String eventId,
                                 @NotNull @PastOrPresent LocalDate correctedDate,
                                 @NotNull CorrectionReason reason,
                                 @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Signed<CorrectEntryDate> {

        @Override
        public CorrectEntryDate toCommand(String memberId) {
            return new CorrectEntryDate(memberId, eventId, correctedDate, reason, decision.toDecisionRef());
        }
    }
}
