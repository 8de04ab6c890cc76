package vn.partyledger.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Users for HTTP Basic (passwords with a {@code {bcrypt}} or {@code {noop}} prefix) and the JWT claims that carry the
 * role and the organisation a token's holder acts for.
 */
@ConfigurationProperties("partyledger.security")
public record SecurityProperties(@DefaultValue List<User> users,
                                 @DefaultValue("role") String roleClaim,
                                 @DefaultValue("org") String organisationClaim) {

    public record User(String username, String password, String role, String organisation) {
    }
}
