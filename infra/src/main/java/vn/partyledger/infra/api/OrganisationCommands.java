package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.organisation.BranchType;
import vn.partyledger.domain.organisation.ChangeOrganisationFlags;
import vn.partyledger.domain.organisation.DissolutionReason;
import vn.partyledger.domain.organisation.DissolveOrganisation;
import vn.partyledger.domain.organisation.EstablishOrganisation;
import vn.partyledger.domain.organisation.GradeOrganisation;
import vn.partyledger.domain.organisation.MemberAllocation;
import vn.partyledger.domain.organisation.MergeOrganisations;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationGrade;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.organisation.RecordLeadershipElection;
import vn.partyledger.domain.organisation.RenameOrganisation;
import vn.partyledger.domain.organisation.ReparentOrganisation;
import vn.partyledger.domain.organisation.SetRecruitmentTarget;
import vn.partyledger.domain.organisation.SplitOrganisation;
import vn.partyledger.domain.organisation.TargetMode;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.infra.axon.CommandOutcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations", description = "Decisions about the organisation tree")
public class OrganisationCommands {

    private final CommandEndpoint endpoint;

    public OrganisationCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @PostMapping("/{orgId}/establish")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Establish an organisation (I1)")
    public ResponseEntity<CommandOutcome> establish(@PathVariable @RecordId String orgId,
            @Valid @RequestBody Establish body, RequestContext context, HttpServletRequest http) {
        return endpoint.create(http, orgId, body, context);
    }

    public record Establish(@NotBlank @Size(max = 200) String name,
                            @NotNull OrganisationKind kind,
                            @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be an UPPER_SNAKE_CASE code")
                            String branchType,
                            @RecordId String parentOrgId,
                            @Size(max = 20) String adminUnitCode,
                            OrganisationFlags flags,
                            @Min(0) @Max(100_000) int foundingFullMembers,
                            @NotNull LocalDate effectiveDate,
                            @Valid DecisionDocument decision)
            implements CommandBody<EstablishOrganisation> {

        @Override
        public EstablishOrganisation toCommand(String orgId) {
            return new EstablishOrganisation(orgId, name, kind,
                    branchType == null ? null : new BranchType(branchType), parentOrgId, adminUnitCode,
                    flags == null ? OrganisationFlags.NONE : flags, foundingFullMembers, effectiveDate, decisionRef());
        }

        @Override
        public LocalDate businessDate() {
            return effectiveDate;
        }

        @Override
        public DecisionRef decisionRef() {
            return DecisionDocument.toDecisionRef(decision);
        }
    }

    @PostMapping("/{orgId}/rename")
    @Operation(summary = "Rename an organisation from a date; the old name stays in its history")
    public ResponseEntity<CommandOutcome> rename(@PathVariable @RecordId String orgId,
            @Valid @RequestBody Rename body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, orgId, body, context);
    }

    @PostMapping("/{orgId}/reparent")
    @Operation(summary = "Place an organisation under another parent from a date (I1)")
    public ResponseEntity<CommandOutcome> reparent(@PathVariable @RecordId String orgId,
            @Valid @RequestBody Reparent body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, orgId, body, context);
    }

    @PostMapping("/{orgId}/change-flags")
    @Operation(summary = "Change an organisation's roles and authorities from a date (read by authority look-ups, I7)")
    public ResponseEntity<CommandOutcome> changeFlags(@PathVariable @RecordId String orgId,
            @Valid @RequestBody ChangeFlags body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, orgId, body, context);
    }

    @PostMapping("/{orgId}/dissolve")
    @Operation(summary = "Dissolve an organisation that has no members left on its roll (I2)")
    public ResponseEntity<CommandOutcome> dissolve(@PathVariable @RecordId String orgId,
            @Valid @RequestBody Dissolve body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, orgId, body, context);
    }

    @PostMapping("/{orgId}/record-leadership-election")
    @Operation(summary = "Record a branch's election of its secretary, deputies and committee among its full members")
    public ResponseEntity<CommandOutcome> recordLeadershipElection(@PathVariable @RecordId String orgId,
            @Valid @RequestBody LeadershipElection body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, orgId, body, context);
    }

    @PostMapping("/{orgId}/set-recruitment-target")
    @Operation(summary = "Set an organisation's admission target for a year, by its superior")
    public ResponseEntity<CommandOutcome> setRecruitmentTarget(@PathVariable @RecordId String orgId,
            @Valid @RequestBody RecruitmentTarget body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, orgId, body, context);
    }

    @PostMapping("/{orgId}/grade")
    @Operation(summary = "Record an organisation's annual grade")
    public ResponseEntity<CommandOutcome> grade(@PathVariable @RecordId String orgId,
            @Valid @RequestBody Grade body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, orgId, body, context);
    }

    @PostMapping("/{orgId}/merge")
    @Operation(summary = "Merge organisations into this one; every member of the sources moves here (I2)")
    public ResponseEntity<CommandOutcome> merge(@PathVariable @RecordId String orgId,
            @Valid @RequestBody Merge body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, orgId, body, context);
    }

    @PostMapping("/{orgId}/split")
    @Operation(summary = "Split this organisation; the allocation gives every member on its roll a new home (I2)")
    public ResponseEntity<CommandOutcome> split(@PathVariable @RecordId String orgId,
            @Valid @RequestBody Split body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, orgId, body, context);
    }

    public record Rename(@NotBlank @Size(max = 200) String newName,
                         @NotNull LocalDate effectiveDate,
                         @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Effective<RenameOrganisation> {

        @Override
        public RenameOrganisation toCommand(String orgId) {
            return new RenameOrganisation(orgId, newName, effectiveDate, decision.toDecisionRef());
        }
    }

    public record Reparent(@NotNull @RecordId String newParentOrgId,
                           @NotNull LocalDate effectiveDate,
                           @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Effective<ReparentOrganisation> {

        @Override
        public ReparentOrganisation toCommand(String orgId) {
            return new ReparentOrganisation(orgId, newParentOrgId, effectiveDate, decision.toDecisionRef());
        }
    }

    public record ChangeFlags(@NotNull OrganisationFlags flags,
                              @NotNull LocalDate effectiveDate,
                              @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Effective<ChangeOrganisationFlags> {

        @Override
        public ChangeOrganisationFlags toCommand(String orgId) {
            return new ChangeOrganisationFlags(orgId, flags, effectiveDate, decision.toDecisionRef());
        }
    }

    public record Dissolve(@NotNull DissolutionReason reason,
                           @RecordId String successorOrgId,
                           @NotNull LocalDate effectiveDate,
                           @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Effective<DissolveOrganisation> {

        @Override
        public DissolveOrganisation toCommand(String orgId) {
            return new DissolveOrganisation(orgId, reason, successorOrgId, effectiveDate,
                    decision.toDecisionRef());
        }
    }

    public record LeadershipElection(@NotNull @PastOrPresent LocalDate termStart,
                                     @NotNull @RecordId String secretaryMemberId,
                                     @NotNull @Size(max = 5)
                                     @ArraySchema(schema = @Schema(implementation = String.class,
                                             pattern = RecordId.PATTERN))
                                     List<@RecordId String> deputyMemberIds,
                                     @NotNull @Size(max = 50)
                                     @ArraySchema(schema = @Schema(implementation = String.class,
                                             pattern = RecordId.PATTERN))
                                     List<@RecordId String> committeeMemberIds,
                                     @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Signed<RecordLeadershipElection> {

        @Override
        public RecordLeadershipElection toCommand(String orgId) {
            return new RecordLeadershipElection(orgId, termStart, secretaryMemberId, deputyMemberIds,
                    committeeMemberIds, decision.toDecisionRef());
        }

        @Override
        public LocalDate businessDate() {
            return termStart;
        }
    }

    /** The decision's issuing organisation is the superior setting the target. */
    public record RecruitmentTarget(@Min(1930) @Max(2100) int year,
                                    @NotNull TargetMode mode,
                                    // springdoc drops the exclusive DecimalMin: say it, or 0 reads as allowed
                                    @Schema(description = "greater than 0", example = "12")
                                    @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal value,
                                    @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Signed<SetRecruitmentTarget> {

        @Override
        public SetRecruitmentTarget toCommand(String orgId) {
            return new SetRecruitmentTarget(orgId, year, mode, value, decision.issuingOrgId(),
                    decision.toDecisionRef());
        }
    }

    public record Grade(@Min(1930) @Max(2100) int year,
                        @NotNull OrganisationGrade grade,
                        @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Signed<GradeOrganisation> {

        @Override
        public GradeOrganisation toCommand(String orgId) {
            return new GradeOrganisation(orgId, year, grade, decision.toDecisionRef());
        }
    }

    public record Merge(@NotNull @Size(min = 1, max = 200)
                        @ArraySchema(schema = @Schema(implementation = String.class, pattern = RecordId.PATTERN))
                        List<@NotNull @RecordId String> sourceOrgIds,
                        @NotNull LocalDate effectiveDate,
                        @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Effective<MergeOrganisations> {

        @Override
        public MergeOrganisations toCommand(String orgId) {
            return new MergeOrganisations(orgId, sourceOrgIds, effectiveDate, decision.toDecisionRef());
        }
    }

    public record Split(@NotNull @Size(min = 1, max = 10_000) List<@NotNull @Valid Allocation> allocation,
                        @NotNull LocalDate effectiveDate,
                        @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Effective<SplitOrganisation> {

        @Override
        public SplitOrganisation toCommand(String orgId) {
            return new SplitOrganisation(orgId, allocation.stream().map(Allocation::toMemberAllocation).toList(),
                    effectiveDate, decision.toDecisionRef());
        }
    }

    public record Allocation(@NotNull @RecordId String memberId,
                             @NotNull @RecordId String targetOrgId) {

        MemberAllocation toMemberAllocation() {
            return new MemberAllocation(memberId, targetOrgId);
        }
    }
}
