package vn.partyledger.infra.checkpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Which ranges of leaves an RFC 9162 proof is made of, in the proof's order: PATH of §2.1.3.1 and PROOF/SUBPROOF of
 * §2.1.4.1, written over absolute leaf indexes so that each range can be looked up among the stored subtrees.
 */
final class ProofShape {

    private ProofShape() {
    }

    /** The inclusion path of leaf {@code leaf} in the tree of {@code size} leaves, from the leaf's sibling up. */
    static List<TreeRange> inclusion(long leaf, long size) {
        if (leaf < 0 || leaf >= size) {
            throw new IllegalArgumentException("leaf " + leaf + " is not in a tree of " + size);
        }
        List<TreeRange> path = new ArrayList<>();
        path(leaf, 0, size, path);
        return path;
    }

    private static void path(long leaf, long start, long end, List<TreeRange> path) {
        if (end - start == 1) {
            return;
        }
        long middle = start + TreeRange.split(end - start);
        if (leaf < middle) {
            path(leaf, start, middle, path);
            path.add(new TreeRange(middle, end));
        } else {
            path(leaf, middle, end, path);
            path.add(new TreeRange(start, middle));
        }
    }

    /** The consistency proof from the tree of {@code first} leaves to that of {@code second}; empty when equal. */
    static List<TreeRange> consistency(long first, long second) {
        if (first <= 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second + " leaves");
        }
        List<TreeRange> proof = new ArrayList<>();
        subproof(first, 0, second, true, proof);
        return proof;
    }

    private static void subproof(long first, long start, long end, boolean whole, List<TreeRange> proof) {
        if (first == end) {
            if (!whole) {
                proof.add(new TreeRange(start, end));
            }
            return;
        }
        long middle = start + TreeRange.split(end - start);
        if (first <= middle) {
            subproof(first, start, middle, whole, proof);
            proof.add(new TreeRange(middle, end));
        } else {
            subproof(first, middle, end, false, proof);
            proof.add(new TreeRange(start, middle));
        }
    }
}
