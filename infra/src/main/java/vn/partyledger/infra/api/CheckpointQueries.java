package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.infra.checkpoint.Checkpoint;
import vn.partyledger.infra.checkpoint.CheckpointKey;
import vn.partyledger.infra.checkpoint.ConsistencyProof;
import vn.partyledger.infra.checkpoint.InclusionProof;
import vn.partyledger.infra.checkpoint.LogProofs;
import vn.partyledger.infra.checkpoint.ProveConsistency;
import vn.partyledger.infra.checkpoint.ProveInclusion;
import vn.partyledger.infra.checkpoint.ReadCheckpoints;
import vn.partyledger.infra.security.PermissionCheck;

import java.util.List;

/**
 * The log's checkpoints and the proofs against them, for auditors, whom the permission table alone lets in: they
 * name no organisation (ADR 0043, docs/log-proofs.md).
 */
@RestController
@Tag(name = "Log proofs", description = "Checkpoints of the log's Merkle tree, inclusion and consistency proofs")
public class CheckpointQueries {

    private final LogProofs proofs;
    private final PermissionCheck permission;
    private final Today today;

    public CheckpointQueries(LogProofs proofs, PermissionCheck permission, Today today) {
        this.proofs = proofs;
        this.permission = permission;
        this.today = today;
    }

    @GetMapping("/api/v1/checkpoints")
    @Operation(summary = "The checkpoints recorded, newest first: tree size, root hash, last log position, time and "
            + "Ed25519 signature")
    public List<Checkpoint> checkpoints(@RequestParam(required = false) @Min(1)
                                        @Parameter(description = "only those of fewer events", example = "2000")
                                        Long before,
                                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        allowed(new ReadCheckpoints());
        return proofs.checkpoints(before, limit);
    }

    @GetMapping("/api/v1/checkpoints/latest")
    @Operation(summary = "The latest checkpoint recorded")
    public Checkpoint latest() {
        allowed(new ReadCheckpoints());
        return proofs.latest();
    }

    @GetMapping("/api/v1/checkpoints/key")
    @Operation(summary = "The Ed25519 public key checkpoints are signed with, base64 of its X.509 DER encoding")
    public CheckpointKey key() {
        allowed(new ReadCheckpoints());
        return proofs.key();
    }

    @GetMapping("/api/v1/proofs/inclusion")
    @Operation(summary = "The proof that an event is in the tree of a checkpoint (RFC 9162 audit path)")
    public InclusionProof inclusion(@RequestParam @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}")
                                    @Parameter(description = "the event's id",
                                               example = "5d1c8f6e-2b1a-4c3d-9e8f-0a1b2c3d4e5f") String eventId,
                                    @RequestParam(required = false) @Min(1)
                                    @Parameter(description = "the checkpoint's tree size; default the latest",
                                               example = "1000") Long treeSize) {
        ProveInclusion query = new ProveInclusion(eventId, treeSize);
        allowed(query);
        return proofs.inclusion(query);
    }

    @GetMapping("/api/v1/proofs/consistency")
    @Operation(summary = "The proof that the checkpoint of `second` events extends that of `first` unchanged "
            + "(RFC 9162 consistency proof)")
    public ConsistencyProof consistency(@RequestParam @Min(1) @Parameter(example = "1000") long first,
                                        @RequestParam @Min(1) @Parameter(example = "2000") long second) {
        if (second < first) {
            throw InvalidQueryParameter.shrinkingTree(first, second);
        }
        ProveConsistency query = new ProveConsistency(first, second);
        allowed(query);
        return proofs.consistency(query);
    }

    private void allowed(Object query) {
        permission.check(query, null, today.date());
    }
}
