package vn.partyledger.infra.person;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * HMAC-SHA256 under a key of its own: how the register finds a national ID already registered (a unique index on
 * the hash) and fingerprints a request for Idempotency-Key, without a plain value or an unkeyed hash that a 12-digit
 * number space would give away to anyone who reads the database.
 */
public final class KeyedHash {

    private final byte[] key;

    public KeyedHash(byte[] key) {
        this.key = key.clone();
    }

    public String of(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
