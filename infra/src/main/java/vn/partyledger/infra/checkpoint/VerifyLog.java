package vn.partyledger.infra.checkpoint;

/**
 * Asks for the whole log to be verified against its hash chains, its stored tree and checkpoints, and the checkpoint
 * an auditor holds ({@code treeSize} and {@code rootHash}, both or neither).
 */
public record VerifyLog(Long treeSize, String rootHash) {
}
