package vn.partyledger.command.support;

import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.command.organisation.RegisteredOrganisation;
import vn.partyledger.command.organisation.Timeline;
import vn.partyledger.domain.organisation.OrganisationKind;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The registry as fixture tests need it: a map the test fills. */
public final class InMemoryOrganisationRegistry implements OrganisationRegistry {

    private final Map<String, RegisteredOrganisation> organisations = new HashMap<>();

    public InMemoryOrganisationRegistry with(String orgId, OrganisationKind kind, LocalDate establishedOn) {
        return with(orgId, kind, establishedOn, 0);
    }

    public InMemoryOrganisationRegistry with(String orgId, OrganisationKind kind, LocalDate establishedOn,
                                             int fullMembersOnRoll) {
        organisations.put(orgId, new RegisteredOrganisation(orgId, kind, establishedOn, null, fullMembersOnRoll));
        return this;
    }

    /** An organisation under {@code parentId} all along, with that many full members and leaders in office. */
    public InMemoryOrganisationRegistry with(String orgId, OrganisationKind kind, LocalDate establishedOn,
                                             String parentId, int fullMembersOnRoll, int leadersInOffice) {
        organisations.put(orgId, new RegisteredOrganisation(orgId, kind, establishedOn, null,
                Timeline.<Integer>empty().with(establishedOn, fullMembersOnRoll),
                Timeline.<Integer>empty().with(establishedOn, leadersInOffice), Timeline.empty(),
                parentId == null ? Timeline.empty() : Timeline.<String>empty().with(establishedOn, parentId),
                Timeline.empty()));
        return this;
    }

    /** The organisation is under {@code newParentId} from {@code effectiveDate}, as a re-parenting leaves it. */
    public InMemoryOrganisationRegistry reparented(String orgId, String newParentId, LocalDate effectiveDate) {
        RegisteredOrganisation org = organisations.get(orgId);
        organisations.put(orgId, new RegisteredOrganisation(orgId, org.kind(), org.establishedOn(), org.dissolvedOn(),
                org.fullMembersOnRoll(), org.leadersInOffice(), org.names(),
                org.parents().with(effectiveDate, newParentId), org.flags()));
        return this;
    }

    @Override
    public Optional<RegisteredOrganisation> find(String orgId) {
        return Optional.ofNullable(organisations.get(orgId));
    }
}
