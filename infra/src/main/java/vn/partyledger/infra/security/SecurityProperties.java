package vn.partyledger.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalDate;
import java.util.List;

/**
 * Users for HTTP Basic (passwords with a {@code {bcrypt}} or {@code {noop}} prefix) and the JWT claims that carry the
 * role and the organisation a token's holder acts for.
 */
@ConfigurationProperties("partyledger.security")
public record SecurityProperties(@DefaultValue List<User> users,
                                 @DefaultValue("role") String roleClaim,
                                 @DefaultValue("org") String organisationClaim) {

    /**
     * A configured user: a role of {@link Role}, the organisation it acts for (a branch secretary's and a board's scope;
     * an auditor acts for none), and optionally the last day its access lasts. Checked at start-up, so a typo in a role
     * or a missing organisation stops the service instead of refusing the user at every call.
     */
    public record User(String username, String password, String role, String organisation, LocalDate validUntil) {

        public User {
            Role known = Role.named(role).orElseThrow(() -> new IllegalArgumentException("partyledger.security.users: "
                    + username + " has role " + role + "; the roles are " + List.of(Role.values())));
            if ((known == Role.BRANCH_SECRETARY || known == Role.ORGANISATION_BOARD) && organisation == null) {
                throw new IllegalArgumentException("partyledger.security.users: " + username + " is a " + known
                        + " and needs the organisation it acts for");
            }
        }
    }
}
