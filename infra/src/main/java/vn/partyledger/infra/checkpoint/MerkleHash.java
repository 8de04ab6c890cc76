package vn.partyledger.infra.checkpoint;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashing of RFC 9162 §2.1.1 (docs/log-proofs.md §2): a leaf is {@code SHA-256(0x00 || leaf)}, an interior node
 * {@code SHA-256(0x01 || left || right)}; the distinct prefixes keep a leaf from passing for a node. Our leaf is the
 * 32 bytes of an event's stored hash.
 */
public final class MerkleHash {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private MerkleHash() {
    }

    /** The leaf hash of an event whose stored hash is {@code eventHash} (64 hex digits). */
    public static byte[] ofEvent(String eventHash) {
        return leaf(HEX.parseHex(eventHash));
    }

    public static byte[] leaf(byte[] leaf) {
        MessageDigest digest = sha256();
        digest.update(LEAF);
        digest.update(leaf);
        return digest.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** The root of the tree of no leaves, {@code SHA-256()} of nothing (RFC 9162 §2.1.1). */
    public static byte[] empty() {
        return sha256().digest();
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    public static byte[] bytes(String hex) {
        return HEX.parseHex(hex);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
