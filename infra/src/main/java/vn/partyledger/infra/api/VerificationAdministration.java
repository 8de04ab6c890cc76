package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.infra.checkpoint.ReadVerificationProgress;
import vn.partyledger.infra.checkpoint.StartVerification;
import vn.partyledger.infra.checkpoint.VerificationJobs;
import vn.partyledger.infra.checkpoint.VerificationProgress;
import vn.partyledger.infra.security.PermissionCheck;

import java.net.URI;

/**
 * A long whole-log verification run in the background and followed by polling its progress (issue 13 item 3): for
 * auditors and the administrator, whom the permission table alone lets in. Nothing is written to the log.
 */
@RestController
@RequestMapping("/api/v1/admin/verifications")
@Tag(name = "Log proofs", description = "Checkpoints of the log's Merkle tree, inclusion and consistency proofs")
public class VerificationAdministration {

    private final VerificationJobs jobs;
    private final PermissionCheck permission;
    private final Today today;

    public VerificationAdministration(VerificationJobs jobs, PermissionCheck permission, Today today) {
        this.jobs = jobs;
        this.permission = permission;
        this.today = today;
    }

    @PostMapping
    @Operation(summary = "Starts verifying the whole log in the background, against the checkpoint held when given; "
            + "answers at once with the progress to follow at the Location",
            responses = {
                    @ApiResponse(responseCode = "202", description = "Started: its progress",
                            content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = VerificationProgress.class))),
                    @ApiResponse(responseCode = "409", description = "A verification is running "
                            + "(VERIFICATION_RUNNING)", content = @Content(mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))})
    public ResponseEntity<VerificationProgress> start(
            @RequestParam(required = false) @Min(1) @Parameter(description = "the held checkpoint's tree size",
                                                               example = "1000") Long treeSize,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{64}")
            @Parameter(description = "the held checkpoint's root hash") String rootHash) {
        if ((treeSize == null) != (rootHash == null)) {
            throw InvalidQueryParameter.halfACheckpoint(treeSize == null ? "treeSize" : "rootHash");
        }
        StartVerification request = new StartVerification(treeSize, rootHash);
        permission.check(request, null, today.date());
        VerificationProgress started = jobs.start(request);
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/verifications/" + started.id()))
                .body(started);
    }

    @GetMapping("/{verificationId}")
    @Operation(summary = "The progress of a background verification: positions read of those to read, events "
            + "checked of about those the log holds, rate, and the report once done")
    public VerificationProgress progress(@PathVariable @Parameter(example = "3f2a6c1e-0d7b-4a57-9a38-2f1f0c1d9e11")
                                         String verificationId) {
        permission.check(new ReadVerificationProgress(verificationId), null, today.date());
        return jobs.progress(verificationId);
    }
}
