package vn.partyledger.infra.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import vn.partyledger.domain.shared.Actor;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The authenticated caller as the domain records it: user, role and the organisation acted for. */
@Component
public class CurrentActor {

    private final SecurityProperties properties;
    private final Map<String, SecurityProperties.User> users;

    public CurrentActor(SecurityProperties properties) {
        this.properties = properties;
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
        return new Actor(authentication.getName(), user.role(), user.organisation());
    }
}
