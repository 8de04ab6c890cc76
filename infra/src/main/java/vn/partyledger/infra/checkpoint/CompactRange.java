package vn.partyledger.infra.checkpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of the log's tree: for a tree of {@code size} leaves, the complete subtrees of the binary digits of
 * {@code size}, largest first (at most 64 hashes, however long the log). Appending a leaf merges equal subtrees from
 * the right, as adding one carries in binary; the root is their hashes folded from the right.
 */
final class CompactRange {

    private final List<Node> edge;
    private long size;

    private CompactRange(long size, List<Node> edge) {
        this.size = size;
        this.edge = new ArrayList<>(edge);
    }

    /** The range of a tree of {@code size} leaves from its right edge's subtrees ({@link #edge(long)}), in order. */
    static CompactRange of(long size, List<Node> edge) {
        return new CompactRange(size, edge);
    }

    /** The subtrees that make up the right edge of a tree of {@code size} leaves, largest first. */
    static List<NodeKey> edge(long size) {
        return size == 0 ? List.of() : new TreeRange(0, size).subtrees();
    }

    long size() {
        return size;
    }

    /** Appends a leaf; returns every subtree it completes, the leaf itself first, each to be stored. */
    List<Node> append(byte[] leafHash) {
        List<Node> completed = new ArrayList<>();
        Node node = new Node(new NodeKey(0, size), leafHash);
        completed.add(node);
        while (!edge.isEmpty() && edge.get(edge.size() - 1).key().level() == node.key().level()) {
            Node left = edge.remove(edge.size() - 1);
            node = new Node(new NodeKey(node.key().level() + 1, left.key().index() >> 1),
                            MerkleHash.node(left.hash(), node.hash()));
            completed.add(node);
        }
        edge.add(node);
        size++;
        return completed;
    }

    /** The tree head's root hash: MTH of every leaf so far. */
    byte[] root() {
        return edge.isEmpty() ? MerkleHash.empty() : TreeRange.fold(edge.stream().map(Node::hash).toList());
    }
}
