package vn.partyledger.infra.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A verified password is remembered briefly by a keyed hash; anything else takes the slow bcrypt path. */
class VerifiedCredentialsTest {

    private static final Duration TTL = Duration.ofMinutes(1);
    private static final PasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);
    private static final String HASH = BCRYPT.encode("s3cret");

    /** A user whose account can expire while the test runs, as a time-bound auditor's does. */
    private static final class Account implements UserDetails {
        volatile boolean expired;

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return AuthorityUtils.createAuthorityList("ROLE_AUDITOR");
        }

        @Override
        public String getPassword() {
            return HASH;
        }

        @Override
        public String getUsername() {
            return "auditor";
        }

        @Override
        public boolean isAccountNonExpired() {
            return !expired;
        }
    }

    private final AtomicInteger slowChecks = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000);
    private final Account account = new Account();
    private VerifiedCredentials credentials;

    @BeforeEach
    void setUp() {
        credentials = withTtl(TTL);
    }

    private VerifiedCredentials withTtl(Duration ttl) {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(username -> account);
        passwordCheck.setPasswordEncoder(new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return BCRYPT.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                slowChecks.incrementAndGet();
                return BCRYPT.matches(raw, encoded);
            }
        });
        return new VerifiedCredentials(passwordCheck, ttl, now::get);
    }

    private Authentication login(String password) {
        return credentials.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("auditor", password));
    }

    @Test
    @DisplayName("a caller verified a moment ago is not checked the slow way again")
    void aCallerVerifiedAMomentAgoIsNotCheckedTheSlowWayAgain() {
        Authentication first = login("s3cret");
        now.addAndGet(TTL.toNanos() - 1);
        Authentication second = login("s3cret");

        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo(first.getName());
        assertThat(slowChecks).hasValue(1);
    }

    @Test
    @DisplayName("a wrong password is refused while the right one is remembered, and checked the slow way")
    void aWrongPasswordIsRefusedWhileTheRightOneIsRemembered() {
        login("s3cret");

        assertThatThrownBy(() -> login("s3cret!")).isInstanceOf(BadCredentialsException.class);
        assertThat(slowChecks).hasValue(2);
    }

    @Test
    @DisplayName("a failed check is never remembered: every guess costs a slow check")
    void aFailedCheckIsNeverRemembered() {
        assertThatThrownBy(() -> login("guess")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login("guess")).isInstanceOf(BadCredentialsException.class);

        assertThat(slowChecks).hasValue(2);
    }

    @Test
    @DisplayName("once the time to live has passed, the password is checked the slow way again")
    void onceTheTimeToLiveHasPassedThePasswordIsCheckedAgain() {
        login("s3cret");
        now.addAndGet(TTL.toNanos());
        login("s3cret");

        assertThat(slowChecks).hasValue(2);
    }

    @Test
    @DisplayName("a zero time to live checks every request the slow way")
    void aZeroTimeToLiveChecksEveryRequest() {
        credentials = withTtl(Duration.ZERO);
        login("s3cret");
        login("s3cret");

        assertThat(slowChecks).hasValue(2);
    }

    @Test
    @DisplayName("an account that expired after its password was verified is refused at once")
    void anAccountThatExpiredAfterVerificationIsRefusedAtOnce() {
        login("s3cret");
        account.expired = true;

        assertThatThrownBy(() -> login("s3cret")).isInstanceOf(AccountExpiredException.class);
    }
}
