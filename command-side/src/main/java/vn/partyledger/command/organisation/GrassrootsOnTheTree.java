package vn.partyledger.command.organisation;

import vn.partyledger.domain.organisation.OrganisationKind;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Walks up the tree from a branch, as it stood on the date, until it meets a grassroots organisation. The registry
 * tells each organisation's kind, lifetime and parent on the date, re-parenting included: a reorganisation moves
 * branches under the new wards, which then issue their letters and decide their exemptions.
 */
public class GrassrootsOnTheTree implements GrassrootsOrganisations {

    /** Branch, sub-committee, grassroots committee: no real tree walks further before meeting a grassroots level. */
    private static final int MAX_LEVELS = 4;

    private final OrganisationRegistry registry;

    public GrassrootsOnTheTree(OrganisationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<String> of(String branchId, LocalDate date) {
        String orgId = branchId;
        for (int level = 0; level < MAX_LEVELS && orgId != null; level++) {
            Optional<RegisteredOrganisation> organisation = registry.find(orgId).filter(org -> org.activeOn(date));
            if (organisation.isEmpty()) {
                return Optional.empty();
            }
            OrganisationKind kind = organisation.get().kind();
            if (kind == OrganisationKind.GRASSROOTS_BRANCH || kind == OrganisationKind.GRASSROOTS_COMMITTEE) {
                return Optional.of(orgId);
            }
            orgId = organisation.get().parentOn(date).orElse(null);
        }
        return Optional.empty();
    }
}
