package vn.partyledger.infra.checkpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * The leaves {@code [start, end)} of the log's tree, whose hash is MTH of RFC 9162 §2.1.1. Every range a proof needs
 * starts at a multiple of the largest power of two not above its size, so it is made of the complete subtrees of its
 * size's binary digits, largest first, and its hash is theirs folded from the right: {@code H(s1, H(s2, … sk))}.
 */
record TreeRange(long start, long end) {

    TreeRange {
        if (start < 0 || end <= start || start % Long.highestOneBit(end - start) != 0) {
            throw new IllegalArgumentException("no range of a proof: [" + start + ", " + end + ")");
        }
    }

    /** The complete subtrees making up the range, left to right. */
    List<NodeKey> subtrees() {
        List<NodeKey> subtrees = new ArrayList<>();
        long from = start;
        for (int level = 63 - Long.numberOfLeadingZeros(end - start); level >= 0; level--) {
            if (((end - start) & (1L << level)) != 0) {
                subtrees.add(new NodeKey(level, from >> level));
                from += 1L << level;
            }
        }
        return subtrees;
    }

    /** The largest power of two smaller than {@code size} (at least 2), where RFC 9162 splits a tree. */
    static long split(long size) {
        return Long.highestOneBit(size - 1);
    }

    /** Folds the hashes of consecutive subtrees, left to right, into the hash of the range they make up. */
    static byte[] fold(List<byte[]> subtreeHashes) {
        byte[] root = subtreeHashes.get(subtreeHashes.size() - 1);
        for (int i = subtreeHashes.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(subtreeHashes.get(i), root);
        }
        return root;
    }
}
