package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.organisation.BranchType;
import vn.partyledger.domain.organisation.EstablishOrganisation;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.infra.axon.CommandOutcome;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations", description = "Decisions about the organisation tree")
public class OrganisationCommands {

    private final CommandEndpoint endpoint;

    public OrganisationCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @PostMapping("/{orgId}/establish")
    @Operation(summary = "Establish an organisation (I1)")
    public ResponseEntity<CommandOutcome> establish(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE)
                                                    String orgId,
                                                    @Valid @RequestBody Establish body, RequestContext context,
                                                    HttpServletRequest http) {
        EstablishOrganisation command = new EstablishOrganisation(orgId, body.name(), body.kind(),
                body.branchType() == null ? null : new BranchType(body.branchType()), body.parentOrgId(),
                body.adminUnitCode(), body.flags() == null ? OrganisationFlags.NONE : body.flags(),
                body.foundingFullMembers(), body.effectiveDate(), body.decision() == null ? null
                : body.decision().toDecisionRef());
        return endpoint.execute(http, body, command, body.effectiveDate(), command.decision(), context,
                HttpStatus.CREATED);
    }

    public record Establish(@NotBlank @Size(max = 200) String name,
                            @NotNull OrganisationKind kind,
                            @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be an UPPER_SNAKE_CASE code")
                            String branchType,
                            @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String parentOrgId,
                            @Size(max = 20) String adminUnitCode,
                            OrganisationFlags flags,
                            @Min(0) @Max(100_000) int foundingFullMembers,
                            @NotNull LocalDate effectiveDate,
                            @Valid DecisionDocument decision) {
    }
}
