package vn.partyledger.infra.checkpoint;

/**
 * A complete subtree of the log's tree: the {@code 2^level} leaves from {@code index × 2^level} on. Once its last
 * leaf is appended its hash never changes, whatever the tree grows to, so it is stored once and serves every proof.
 */
record NodeKey(int level, long index) {

    long start() {
        return index << level;
    }

    long end() {
        return (index + 1) << level;
    }

    /** The stored key, {@code level/index}. */
    String id() {
        return level + "/" + index;
    }
}
