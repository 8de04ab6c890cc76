package vn.partyledger.command.organisation;

import java.util.Optional;

/**
 * Looks organisations up while a command is handled (e.g. "does the parent exist on the effective date?").
 * Injected into command handlers; the application answers it from the Organisation aggregates themselves.
 */
public interface OrganisationRegistry {

    Optional<RegisteredOrganisation> find(String orgId);
}
