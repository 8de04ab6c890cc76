package vn.partyledger.infra.api;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.discipline.AppealOutcome;
import vn.partyledger.domain.discipline.AppealSubject;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.FileAppeal;
import vn.partyledger.domain.discipline.ImposeDiscipline;
import vn.partyledger.domain.discipline.LiftSuspension;
import vn.partyledger.domain.discipline.ProposeStrikeOff;
import vn.partyledger.domain.discipline.RecordDeath;
import vn.partyledger.domain.discipline.RequestVoluntaryExit;
import vn.partyledger.domain.discipline.ResolveAppeal;
import vn.partyledger.domain.discipline.RestoreMembership;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.discipline.StrikeOffMember;
import vn.partyledger.domain.discipline.SuspendPartyActivity;
import vn.partyledger.domain.member.ViolationCategory;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.infra.axon.CommandOutcome;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.BiFunction;

@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Leaving and discipline",
        description = "Strike-off, voluntary exit, discipline, appeals, restoration and death")
public class DisciplineCommands {

    private final CommandEndpoint endpoint;

    public DisciplineCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @PostMapping("/{memberId}/propose-strike-off")
    @Operation(summary = "Record the branch's strike-off proposal with its evidence and vote (I19: three months of "
            + "absence or unpaid dues within a calendar year; I20)")
    public ResponseEntity<CommandOutcome> proposeStrikeOff(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Proposal body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/strike-off-member")
    @Operation(summary = "Strike a full member off on the branch's passed proposal, by the committee that admits (I20)")
    public ResponseEntity<CommandOutcome> strikeOffMember(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Decided body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body.signing(StrikeOffMember::new), context);
    }

    @PostMapping("/{memberId}/request-voluntary-exit")
    @Operation(summary = "Record a full member's written request to leave the Party (I20: carried out by strike-off)")
    public ResponseEntity<CommandOutcome> requestVoluntaryExit(@PathVariable @RecordId String memberId,
            @Valid @RequestBody ExitRequest body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/impose-discipline")
    @Operation(summary = "Discipline a member (I12: branch or probationer only reprimand/warning; dismissal needs a "
            + "post; dismissal and expulsion by the superior standing committee); the violation category decides a "
            + "later re-admission (I25)")
    public ResponseEntity<CommandOutcome> imposeDiscipline(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Discipline body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/suspend-party-activity")
    @Operation(summary = "Suspend a member's party activity while a discipline case is open")
    public ResponseEntity<CommandOutcome> suspendPartyActivity(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Decided body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body.signing(SuspendPartyActivity::new), context);
    }

    @PostMapping("/{memberId}/lift-suspension")
    @Operation(summary = "Lift the suspension in force: the discipline case is closed")
    public ResponseEntity<CommandOutcome> liftSuspension(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Decided body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body.signing(LiftSuspension::new), context);
    }

    @PostMapping("/{memberId}/file-appeal")
    @Operation(summary = "File an appeal (I21: within 30 working days of receiving a strike-off, one month of a "
            + "discipline decision; the decision stays in force)")
    public ResponseEntity<CommandOutcome> fileAppeal(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Appeal body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/resolve-appeal")
    @Operation(summary = "Resolve the pending appeal: upheld, reduced or annulled (I21)")
    public ResponseEntity<CommandOutcome> resolveAppeal(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Resolution body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/restore-membership")
    @Operation(summary = "Restore party status after an appeal annulled the strike-off or expulsion (I26: party age "
            + "continuous, back on the roll)")
    public ResponseEntity<CommandOutcome> restoreMembership(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Decided body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body.signing(RestoreMembership::new), context);
    }

    @PostMapping("/{memberId}/record-death")
    @Operation(summary = "Record a member's death: off the roll, and the record takes no further commands (I29)")
    public ResponseEntity<CommandOutcome> recordDeath(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Death body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    public record Proposal(@NotNull StrikeOffGround ground,
                           @NotEmpty List<@NotBlank @Size(max = 64) String> evidenceRefs,
                           @ArraySchema(schema = @Schema(implementation = String.class, example = "2025-03",
                                   description = "a month, YYYY-MM"))
                           List<@NotNull YearMonth> monthsInBreach,
                           @NotNull @PastOrPresent LocalDate voteDate,
                           @Min(1) @Schema(description = MemberCommands.OPTIONAL_COUNT) Integer branchFullMembersOnRoll,
                           @Min(0) int branchInFavour)
            implements CommandBody<ProposeStrikeOff> {

        @Override
        public ProposeStrikeOff toCommand(String memberId) {
            return new ProposeStrikeOff(memberId, ground, evidenceRefs, monthsInBreach, voteDate,
                    branchFullMembersOnRoll, branchInFavour);
        }

        @Override
        public LocalDate businessDate() {
            return voteDate;
        }
    }

    /** Only a signed decision: the path says which command it signs. */
    public record Decided(@NotNull @Valid DecisionDocument decision) {

        <C> CommandBody<C> signing(BiFunction<String, DecisionRef, C> command) {
            return new Signing<>(this, command);
        }
    }

    /** A {@link Decided} body with the command its path names; as JSON (the fingerprint) it is the body itself. */
    record Signing<C>(@JsonValue Decided body, BiFunction<String, DecisionRef, C> command)
            implements CommandBody.Signed<C> {

        @Override
        public DecisionDocument decision() {
            return body.decision();
        }

        @Override
        public C toCommand(String memberId) {
            return command.apply(memberId, decisionRef());
        }
    }

    public record ExitRequest(@NotBlank @Size(max = 32) String reasonCode,
                              @NotNull @PastOrPresent LocalDate requestedOn)
            implements CommandBody<RequestVoluntaryExit> {

        @Override
        public RequestVoluntaryExit toCommand(String memberId) {
            return new RequestVoluntaryExit(memberId, reasonCode, requestedOn);
        }

        @Override
        public LocalDate businessDate() {
            return requestedOn;
        }
    }

    public record Discipline(@NotNull DisciplineForm form,
                             boolean postHeld,
                             @NotNull @Valid DecisionDocument decision,
                             ViolationCategory violationCategory)
            implements CommandBody.Signed<ImposeDiscipline> {

        @Override
        public ImposeDiscipline toCommand(String memberId) {
            return new ImposeDiscipline(memberId, form, postHeld, decision.toDecisionRef(),
                    violationCategory);
        }
    }

    public record Appeal(@NotNull AppealSubject subject,
                         @NotNull @PastOrPresent LocalDate decisionReceivedOn,
                         @NotNull @PastOrPresent LocalDate filedOn)
            implements CommandBody<FileAppeal> {

        @Override
        public FileAppeal toCommand(String memberId) {
            return new FileAppeal(memberId, subject, decisionReceivedOn, filedOn);
        }

        @Override
        public LocalDate businessDate() {
            return filedOn;
        }
    }

    public record Resolution(@NotNull AppealOutcome outcome,
                             @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Signed<ResolveAppeal> {

        @Override
        public ResolveAppeal toCommand(String memberId) {
            return new ResolveAppeal(memberId, outcome, decision.toDecisionRef());
        }
    }

    public record Death(@NotNull @PastOrPresent LocalDate dateOfDeath)
            implements CommandBody<RecordDeath> {

        @Override
        public RecordDeath toCommand(String memberId) {
            return new RecordDeath(memberId, dateOfDeath);
        }

        @Override
        public LocalDate businessDate() {
            return dateOfDeath;
        }
    }
}
