package vn.partyledger.infra.checkpoint;

/** The key checkpoints are signed with: {@code publicKey} is base64 of its X.509 DER encoding. */
public record CheckpointKey(String algorithm, String publicKey) {
}
