package vn.partyledger.infra.security;

import vn.partyledger.domain.shared.Actor;

import java.time.LocalDate;
import java.util.Set;

/**
 * A caller refused by least privilege (ADR 0021): answered 403 with {@link #code()}, before anything is written. The
 * detail never names the organisations a record concerns, so a record outside the caller's subtree and a record that
 * does not exist read the same.
 */
public class AccessRefused extends RuntimeException {

    private final String code;

    private AccessRefused(String code, String detail) {
        super(detail);
        this.code = code;
    }

    /** The role may not send this command or query at all, wherever it acts. */
    static AccessRefused roleNotPermitted(Actor actor, String message, Set<Role> permitted) {
        return new AccessRefused("ROLE_NOT_PERMITTED", "The role " + actor.role() + " of user " + actor.userId()
                + " may not send " + message + "; it is for " + (permitted.isEmpty() ? "no role" : permitted)
                + " (docs/permissions.md).");
    }

    /** The record concerns an organisation the caller does not act for, not even from above; or it does not exist. */
    static AccessRefused outOfScope(Actor actor, String message, LocalDate date) {
        return new AccessRefused("OUT_OF_SCOPE", "User " + actor.userId() + " acting for "
                + (actor.actingForOrgId() == null ? "no organisation" : actor.actingForOrgId()) + " may not send "
                + message + " here: on " + date + " the record is not in that organisation's subtree, or there is no"
                + " such record.");
    }

    /** A configured user whose {@code valid-until} date has passed. */
    static AccessRefused expired(String userId, LocalDate validUntil) {
        return new AccessRefused("ACCESS_EXPIRED", "The access of user " + userId + " ended on " + validUntil
                + " (partyledger.security.users valid-until).");
    }

    /** A message sent without the actor and business date every command carries: not from the HTTP API. */
    static AccessRefused noActor(String message) {
        return new AccessRefused("ROLE_NOT_PERMITTED", message + " was sent without an actor and a business date.");
    }

    /** The problem code: ROLE_NOT_PERMITTED, OUT_OF_SCOPE or ACCESS_EXPIRED. */
    public String code() {
        return code;
    }
}
