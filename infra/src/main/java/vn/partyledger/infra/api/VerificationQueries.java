package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.infra.checkpoint.AuditReport;
import vn.partyledger.infra.checkpoint.LogAuditor;
import vn.partyledger.infra.checkpoint.VerifyLog;
import vn.partyledger.infra.checkpoint.VerifyRecord;
import vn.partyledger.infra.security.PermissionCheck;

/**
 * Verification of the whole log or of one record for auditors; administrators verify the log from the command line
 * (ADR 0043).
 */
@RestController
@Tag(name = "Log proofs", description = "Checkpoints of the log's Merkle tree, inclusion and consistency proofs")
public class VerificationQueries {

    private final LogAuditor auditor;
    private final PermissionCheck permission;
    private final Today today;

    public VerificationQueries(LogAuditor auditor, PermissionCheck permission, Today today) {
        this.auditor = auditor;
        this.permission = permission;
        this.today = today;
    }

    @GetMapping("/api/v1/verification")
    @Operation(summary = "Verify the whole log against its hash chains, its stored tree and checkpoints and, when "
            + "given, the checkpoint the caller holds: every damage named with its kind and position (at most 100)")
    public AuditReport verify(@RequestParam(required = false) @Min(1)
                              @Parameter(description = "the held checkpoint's tree size", example = "1000")
                              Long treeSize,
                              @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{64}")
                              @Parameter(description = "the held checkpoint's root hash",
                                         example = "4933cb1fdb69786301e7485b553089d463d1f408fbff8356168cb26642b144cb")
                              String rootHash) {
        if ((treeSize == null) != (rootHash == null)) {
            throw InvalidQueryParameter.halfACheckpoint(treeSize == null ? "treeSize" : "rootHash");
        }
        VerifyLog query = new VerifyLog(treeSize, rootHash);
        permission.check(query, null, today.date());
        return auditor.audit(query);
    }

    @GetMapping("/api/v1/verification/records/{recordId}")
    @Operation(summary = "Verify one record's stream (a member's, an organisation's) against its hash chain, the "
            + "log's tree and, when given, the checkpoint the caller holds: every damage named with its kind and "
            + "position, a cut tail included")
    public AuditReport verifyRecord(@PathVariable @RecordId @Parameter(example = "m-000") String recordId,
                                    @RequestParam(required = false) @Min(1)
                                    @Parameter(description = "the held checkpoint's tree size", example = "1000")
                                    Long treeSize,
                                    @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{64}")
                                    @Parameter(description = "the held checkpoint's root hash") String rootHash) {
        if ((treeSize == null) != (rootHash == null)) {
            throw InvalidQueryParameter.halfACheckpoint(treeSize == null ? "treeSize" : "rootHash");
        }
        VerifyRecord query = new VerifyRecord(recordId, treeSize, rootHash);
        permission.check(query, recordId, today.date());
        return auditor.audit(query);
    }
}
