package vn.partyledger.command.organisation;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationReparented;
import vn.partyledger.domain.organisation.OrganisationKind;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Walks up the tree from a branch, as it stood on the date, until it meets a grassroots organisation. The registry
 * tells each organisation's kind and lifetime; the parent on the date is read from the organisation's own stream: the
 * one it was established under, then each re-parenting in effect by that date (a reorganisation moves branches under
 * the new wards, which then issue their letters and decide their exemptions).
 */
public class OrganisationStreamGrassroots implements GrassrootsOrganisations {

    /** Branch, sub-committee, grassroots committee: no real tree walks further before meeting a grassroots level. */
    private static final int MAX_LEVELS = 4;

    private final OrganisationRegistry registry;
    private final Supplier<EventStore> eventStore;

    /** Takes a supplier: Axon's event store exists only once its configuration has started. */
    public OrganisationStreamGrassroots(OrganisationRegistry registry, Supplier<EventStore> eventStore) {
        this.registry = registry;
        this.eventStore = eventStore;
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
            orgId = parentOn(orgId, date);
        }
        return Optional.empty();
    }

    private String parentOn(String orgId, LocalDate date) {
        String parent = null;
        for (Object event : eventStore.get().readEvents(orgId).asStream().map(DomainEventMessage::getPayload)
                .toList()) {
            if (event instanceof OrganisationEstablished established) {
                parent = established.parentOrgId();
            } else if (event instanceof OrganisationReparented moved && !moved.effectiveDate().isAfter(date)) {
                parent = moved.newParentOrgId();
            }
        }
        return parent;
    }
}
