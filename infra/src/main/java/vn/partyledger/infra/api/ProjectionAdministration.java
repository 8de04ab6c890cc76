package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.infra.rebuild.ProjectionRebuilds;
import vn.partyledger.infra.rebuild.ReadRebuildProgress;
import vn.partyledger.infra.rebuild.RebuildProgress;
import vn.partyledger.infra.rebuild.RebuildProjection;
import vn.partyledger.infra.security.PermissionCheck;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Rebuilding a projection from the log while it keeps answering (issue 11 item 9, ADR 0037): the administrator's
 * alone, whom the permission table alone lets in. Not a command on a record: nothing is written to the log.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Administration", description = "Operating the service: rebuilding a projection from the log")
public class ProjectionAdministration {

    private final ProjectionRebuilds rebuilds;
    private final PermissionCheck permission;
    private final Clock clock;

    public ProjectionAdministration(ProjectionRebuilds rebuilds, PermissionCheck permission, Clock clock) {
        this.rebuilds = rebuilds;
        this.permission = permission;
        this.clock = clock;
    }

    @PostMapping("/{projection}/rebuild")
    @Operation(summary = "Rebuilds the projection from the log into fresh collections while the current ones keep "
            + "answering, then switches over at once; answers at once with the progress to follow",
            responses = {
                    @ApiResponse(responseCode = "202", description = "The rebuild started: its progress",
                            content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = RebuildProgress.class))),
                    @ApiResponse(responseCode = "403", description = "Not an administrator (ROLE_NOT_PERMITTED)",
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "404", description = "No such projection (UNKNOWN_PROJECTION)",
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "409", description = "A rebuild of the projection is running "
                            + "(REBUILD_RUNNING)", content = @Content(mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))})
    public ResponseEntity<RebuildProgress> rebuild(@PathVariable @Parameter(description = "branch-roster, "
            + "organisation-tree, due-list or recruitment", example = "branch-roster") String projection) {
        permission.check(new RebuildProjection(projection), null, LocalDate.now(clock));
        return ResponseEntity.accepted().body(rebuilds.start(projection));
    }

    @GetMapping("/{projection}/rebuild")
    @Operation(summary = "The progress of the projection's latest rebuild: state, events read of those the log "
            + "holds, rate, time left, and why it failed if it did")
    public RebuildProgress progress(@PathVariable @Parameter(example = "branch-roster") String projection) {
        permission.check(new ReadRebuildProgress(projection), null, LocalDate.now(clock));
        return rebuilds.progress(projection);
    }
}
