package vn.partyledger.infra.checkpoint;

/** Asks for the proof that an event is in the tree of a checkpoint (the latest when {@code treeSize} is null). */
public record ProveInclusion(String eventIdentifier, Long treeSize) {
}
