package vn.partyledger.command.organisation;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationKind;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Walks up the tree from a branch until it meets a grassroots organisation. The registry tells each organisation's
 * kind and lifetime; the parent is the one named when the organisation was established (ADR 0010: re-parenting is
 * read here once the registry answers "parent on date").
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
            orgId = parentOf(orgId);
        }
        return Optional.empty();
    }

    private String parentOf(String orgId) {
        return eventStore.get().readEvents(orgId).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(OrganisationEstablished.class::isInstance)
                .map(established -> ((OrganisationEstablished) established).parentOrgId())
                .findFirst()
                .orElse(null);
    }
}
