package vn.partyledger.infra.checkpoint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code partyledger.checkpoints.*} (ADR 0043).
 *
 * @param enabled           whether this node follows the log and records checkpoints
 * @param everyEvents       a checkpoint once this many events were added since the last one
 * @param every             a checkpoint of fewer events once this long has passed since the last one
 * @param pollInterval      how long the recorder rests between passes over the log's end
 * @param batchSize         events read from the log per step (whole commits)
 * @param topic             the Kafka topic checkpoints are published to, created at start-up (one partition: in order)
 * @param replicas          the topic's replicas (1 suits the embedded broker, 3 a cluster)
 * @param signingPrivateKey Ed25519 private key, base64 PKCS#8 DER; empty: checkpoints are not signed
 * @param signingPublicKey  its public key, base64 X.509 DER; required with the private key
 */
@ConfigurationProperties("partyledger.checkpoints")
public record CheckpointProperties(@DefaultValue("true") boolean enabled,
                                   @DefaultValue("1000") long everyEvents,
                                   @DefaultValue("60s") Duration every,
                                   @DefaultValue("1s") Duration pollInterval,
                                   @DefaultValue("500") int batchSize,
                                   @DefaultValue("partyledger.checkpoints.v1") String topic,
                                   @DefaultValue("1") short replicas,
                                   String signingPrivateKey,
                                   String signingPublicKey) {

    public CheckpointProperties {
        if (everyEvents < 1 || batchSize < 1 || every.isNegative() || pollInterval.isNegative()
                || pollInterval.isZero()) {
            throw new IllegalArgumentException("partyledger.checkpoints: every-events and batch-size must be at least "
                                                       + "1, every and poll-interval positive");
        }
    }

    CheckpointSigner signer() {
        boolean hasPrivate = signingPrivateKey != null && !signingPrivateKey.isBlank();
        boolean hasPublic = signingPublicKey != null && !signingPublicKey.isBlank();
        if (hasPrivate != hasPublic) {
            throw new IllegalStateException("partyledger.checkpoints: configure both signing keys or neither");
        }
        return hasPrivate ? CheckpointSigner.of(signingPrivateKey, signingPublicKey) : CheckpointSigner.none();
    }
}
