package vn.partyledger.infra.checkpoint;

/** A complete subtree and its hash. */
record Node(NodeKey key, byte[] hash) {
}
