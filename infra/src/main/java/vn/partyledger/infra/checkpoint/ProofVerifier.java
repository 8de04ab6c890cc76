package vn.partyledger.infra.checkpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks proofs as an auditor does, by the procedures of RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency),
 * written out in docs/log-proofs.md §5; nothing here reads the log.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    /** Whether {@code leafHash} is leaf {@code leaf} of the tree of {@code size} leaves whose root is {@code root}. */
    public static boolean inclusion(long leaf, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (leaf < 0 || leaf >= size) {
            return false;
        }
        long fn = leaf;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * Whether the tree of {@code second} leaves with root {@code secondRoot} extends, unchanged, the tree of
     * {@code first} leaves with root {@code firstRoot}. Equal sizes need an empty proof and equal roots.
     */
    public static boolean consistency(long first, long second, List<byte[]> proof, byte[] firstRoot,
                                      byte[] secondRoot) {
        if (first <= 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }
}
