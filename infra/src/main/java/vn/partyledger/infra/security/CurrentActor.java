package vn.partyledger.infra.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import vn.partyledger.domain.shared.Actor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The authenticated caller as the domain records it: user, role and the organisation acted for. A configured user's
 * access ends after its {@code valid-until} day (business calendar); a token's ends with its {@code exp}.
 */
@Component
public class CurrentActor {

    private final SecurityProperties properties;
    private final Map<String, SecurityProperties.User> users;
    private final Clock clock;

    public CurrentActor(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.users = properties.users().stream()
                .collect(Collectors.toMap(SecurityProperties.User::username, Function.identity()));
    }

    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no authenticated caller: the security filter chain must run first");
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return new Actor(jwt.getName(),
                    String.valueOf(jwt.getToken().getClaims().getOrDefault(properties.roleClaim(), "UNSPECIFIED")),
                    jwt.getToken().getClaimAsString(properties.organisationClaim()));
        }
        SecurityProperties.User user = users.get(authentication.getName());
        if (user.validUntil() != null && LocalDate.now(clock).isAfter(user.validUntil())) {
            throw AccessRefused.expired(user.username(), user.validUntil());
        }
        return new Actor(authentication.getName(), user.role(), user.organisation());
    }
}
