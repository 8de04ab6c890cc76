package vn.partyledger.infra.checkpoint;

import java.util.List;

/**
 * An event's inclusion proof (docs/log-proofs.md §4.2): the leaf {@code leafIndex} of the checkpoint's tree is
 * {@code SHA-256(0x00 || eventHash)}, and {@code auditPath} leads from it to the checkpoint's root.
 */
public record InclusionProof(Checkpoint checkpoint, String eventIdentifier, long position, int index,
                             String eventHash, long leafIndex, List<String> auditPath) {
}
