package vn.partyledger.infra.checkpoint;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A signed tree head of the log (docs/log-proofs.md §4): the Merkle tree over the first {@code treeSize} events in
 * log order has root {@code rootHash}, and they are exactly the events of the commits up to {@code lastPosition}.
 *
 * @param treeSize     how many events the tree holds
 * @param rootHash     its root, 64 lower-case hex digits
 * @param lastPosition the last commit position the tree covers
 * @param recordedAt   when the checkpoint was recorded (milliseconds)
 * @param signature    Ed25519 signature of {@link #signedText()}, base64; null when no signing key is configured
 */
public record Checkpoint(long treeSize, String rootHash, long lastPosition, Instant recordedAt, String signature) {

    static final String TAG = "partyledger/checkpoint/v1";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                                                                   .withZone(ZoneOffset.UTC);

    /** What the signature covers: {@code ["partyledger/checkpoint/v1",treeSize,"rootHash",lastPosition,"time"]}. */
    public String signedText() {
        return "[\"" + TAG + "\"," + treeSize + ",\"" + rootHash + "\"," + lastPosition + ",\""
                + TIME.format(recordedAt) + "\"]";
    }

    byte[] signedBytes() {
        return signedText().getBytes(StandardCharsets.UTF_8);
    }

    Checkpoint signed(String signature) {
        return new Checkpoint(treeSize, rootHash, lastPosition, recordedAt, signature);
    }
}
