package vn.partyledger.infra.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * Signs checkpoints with the Ed25519 key of the configuration, so that a copy held elsewhere proves which tree heads
 * this deployment recorded. Java cannot derive an Ed25519 public key from the private one, so both are configured,
 * and a pair that does not match stops the application at start-up rather than sign what nobody can verify.
 */
public final class CheckpointSigner {

    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private CheckpointSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** No key configured: checkpoints are recorded unsigned. */
    static CheckpointSigner none() {
        return new CheckpointSigner(null, null);
    }

    /**
     * @param privateKey the PKCS#8 DER encoding of the private key, base64
     * @param publicKey  the X.509 SubjectPublicKeyInfo DER encoding of its public key, base64
     */
    static CheckpointSigner of(String privateKey, String publicKey) {
        try {
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            CheckpointSigner signer = new CheckpointSigner(
                    keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey.strip()))),
                    keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey.strip()))));
            byte[] probe = "partyledger/checkpoint-key-probe".getBytes(StandardCharsets.UTF_8);
            if (!verifies(signer.publicKey, probe, signer.signature(probe))) {
                throw new IllegalStateException("partyledger.checkpoints: the signing public key is not the private "
                                                        + "key's");
            }
            return signer;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("partyledger.checkpoints: the signing keys are not an Ed25519 pair in "
                                                    + "base64 PKCS#8 and X.509 DER", e);
        }
    }

    Checkpoint sign(Checkpoint checkpoint) {
        return privateKey == null ? checkpoint
                : checkpoint.signed(Base64.getEncoder().encodeToString(signature(checkpoint.signedBytes())));
    }

    /** The public key, base64 of its X.509 DER encoding, when checkpoints are signed. */
    public Optional<String> publicKey() {
        return Optional.ofNullable(publicKey).map(key -> Base64.getEncoder().encodeToString(key.getEncoded()));
    }

    /** Whether {@code signature} (base64) is a valid Ed25519 signature of the checkpoint by {@code publicKey}. */
    public static boolean verifies(String publicKey, Checkpoint checkpoint) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM)
                                      .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            return checkpoint.signature() != null
                    && verifies(key, checkpoint.signedBytes(), Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean verifies(PublicKey key, byte[] data, byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(ALGORITHM);
        verifier.initVerify(key);
        verifier.update(data);
        return verifier.verify(signature);
    }

    private byte[] signature(byte[] data) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
