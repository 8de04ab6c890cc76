package vn.partyledger.infra.checkpoint;

/**
 * Asks for the whole log to be verified in the background, against the checkpoint held when given ({@code treeSize}
 * and {@code rootHash}, both or neither), its progress followed over HTTP.
 */
public record StartVerification(Long treeSize, String rootHash) {
}
