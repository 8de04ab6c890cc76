package vn.partyledger.infra.security;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;

import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * HTTP Basic sends the password with every request, and checking it against a bcrypt hash costs tens of milliseconds of
 * CPU by design: a dashboard polling the query API would spend a core on it. A caller whose password was verified a
 * moment ago is recognised by a keyed hash of what it sent (HMAC-SHA256 under a key that exists only in this process,
 * so the remembered value is useless outside it), until {@code ttl} has passed; then the slow check runs again. A
 * password that does not match what was verified is checked the slow way, and a failure is never remembered, so
 * guessing stays as slow as bcrypt makes it. A zero {@code ttl} verifies every request.
 */
public final class VerifiedCredentials implements AuthenticationProvider {

    /** Enough for every user of a province; beyond it, verifications are simply not remembered. */
    static final int CAPACITY = 10_000;

    private record Verified(byte[] fingerprint, Authentication authentication, long expiresAtNanos) {
    }

    private final AuthenticationProvider verifier;
    private final Duration ttl;
    private final LongSupplier nanoTime;
    private final SecretKey key;
    private final AccountStatusUserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /**
     * @param verifier checks a password the slow way (Spring's {@code DaoAuthenticationProvider})
     * @param nanoTime a monotonic clock ({@code System::nanoTime}); wall-clock changes must not extend a verification
     */
    public VerifiedCredentials(AuthenticationProvider verifier, Duration ttl, LongSupplier nanoTime) {
        this.verifier = verifier;
        this.ttl = ttl;
        this.nanoTime = nanoTime;
        this.key = newKey();
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        if (ttl.isZero() || !(attempt.getCredentials() instanceof String password)) {
            return verifier.authenticate(attempt);
        }
        String username = attempt.getName();
        byte[] fingerprint = fingerprint(username, password);
        long now = nanoTime.getAsLong();
        Verified earlier = verified.get(username);
        if (earlier != null && now - earlier.expiresAtNanos() < 0
                && MessageDigest.isEqual(earlier.fingerprint(), fingerprint)) {
            if (earlier.authentication().getPrincipal() instanceof UserDetails user) {
                accountStatus.check(user);
            }
            return earlier.authentication();
        }
        Authentication authenticated = verifier.authenticate(attempt);
        remember(username, new Verified(fingerprint, authenticated, now + ttl.toNanos()), now);
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private void remember(String username, Verified verification, long now) {
        if (verified.size() >= CAPACITY) {
            verified.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
        }
        if (verified.size() < CAPACITY || verified.containsKey(username)) {
            verified.put(username, verification);
        }
    }

    private byte[] fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static SecretKey newKey() {
        try {
            return KeyGenerator.getInstance("HmacSHA256").generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
