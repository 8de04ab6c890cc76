package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.member.AdmitMember;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.DecideAdmission;
import vn.partyledger.domain.member.RegisterOutstandingCandidate;
import vn.partyledger.infra.axon.CommandOutcome;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Members", description = "Decisions about a member, from candidacy on")
public class MemberCommands {

    private final CommandEndpoint endpoint;

    public MemberCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @PostMapping("/{memberId}/register-candidate")
    @Operation(summary = "Register an outstanding candidate in a branch")
    public ResponseEntity<CommandOutcome> registerCandidate(
            @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String memberId,
            @Valid @RequestBody RegisterCandidate body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, body, new RegisterOutstandingCandidate(memberId, body.personId(),
                        body.branchId(), body.source(), body.mentorMemberId(), body.registeredOn()),
                body.registeredOn(), null, context, HttpStatus.CREATED);
    }

    @PostMapping("/{memberId}/decide-admission")
    @Operation(summary = "Record the competent committee's admission decision (I7)")
    public ResponseEntity<CommandOutcome> decideAdmission(
            @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String memberId,
            @Valid @RequestBody DecideAdmissionBody body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, body, new DecideAdmission(memberId, body.decision().toDecisionRef(),
                        body.receivedByBranchOn()),
                body.decision().docDate(), body.decision().toDecisionRef(), context, HttpStatus.OK);
    }

    @PostMapping("/{memberId}/admit")
    @Operation(summary = "Record the admission ceremony: the candidate becomes a probationary member (I8)")
    public ResponseEntity<CommandOutcome> admit(
            @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String memberId,
            @Valid @RequestBody Admit body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, body, new AdmitMember(memberId, body.ceremonyDate(),
                        body.superiorConsent() == null ? null : body.superiorConsent().toDecisionRef()),
                body.ceremonyDate(), body.superiorConsent() == null ? null : body.superiorConsent().toDecisionRef(),
                context, HttpStatus.OK);
    }

    public record RegisterCandidate(@NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String personId,
                                    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String branchId,
                                    @NotNull CandidateSource source,
                                    @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String mentorMemberId,
                                    @NotNull @PastOrPresent LocalDate registeredOn) {
    }

    public record DecideAdmissionBody(@NotNull @Valid DecisionDocument decision,
                                      @NotNull @PastOrPresent LocalDate receivedByBranchOn) {
    }

    public record Admit(@NotNull @PastOrPresent LocalDate ceremonyDate,
                        @Valid DecisionDocument superiorConsent) {
    }
}
