package vn.partyledger.domain.shared;

import java.util.Objects;

/** Who recorded a decision: the authenticated user, the role they act in and the organisation they act for. */
public record Actor(String userId, String role, String actingForOrgId) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }
}
