package vn.partyledger.infra.checkpoint;

/**
 * Asks for one record's stream (a member's, an organisation's, any aggregate's) to be verified against its hash chain,
 * the log's tree and the checkpoint an auditor holds ({@code treeSize} and {@code rootHash}, both or neither).
 */
public record VerifyRecord(String recordId, Long treeSize, String rootHash) {
}
