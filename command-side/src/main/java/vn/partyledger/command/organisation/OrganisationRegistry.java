package vn.partyledger.command.organisation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Looks organisations up while a command is handled (e.g. "does the parent exist on the effective date?").
 * Injected into command handlers; the application answers it from the Organisation aggregates themselves.
 */
public interface OrganisationRegistry {

    Optional<RegisteredOrganisation> find(String orgId);

    /** Whether the organisation is on record and exists on {@code date}: founded by then and not yet dissolved. */
    default boolean existsOn(String orgId, LocalDate date) {
        return find(orgId).filter(organisation -> organisation.activeOn(date)).isPresent();
    }

    /**
     * Whether {@code candidateId} is {@code orgId} itself or one of its ancestors in the tree as it stood on
     * {@code date}: walks up the parents recorded for that date until the top.
     */
    default boolean isSelfOrAncestor(String candidateId, String orgId, LocalDate date) {
        Optional<String> org = Optional.of(orgId);
        while (org.isPresent()) {
            if (org.get().equals(candidateId)) {
                return true;
            }
            org = find(org.get()).flatMap(found -> found.parentOn(date));
        }
        return false;
    }
}
