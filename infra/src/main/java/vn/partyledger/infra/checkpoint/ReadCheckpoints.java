package vn.partyledger.infra.checkpoint;

/** Asks for the log's checkpoints or the key they are signed with: an auditor's, for the whole deployment. */
public record ReadCheckpoints() {
}
