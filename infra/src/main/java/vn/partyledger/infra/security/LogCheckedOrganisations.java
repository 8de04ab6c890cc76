package vn.partyledger.infra.security;

import org.axonframework.modelling.command.Repository;
import vn.partyledger.command.organisation.Organisation;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.command.organisation.RegisteredOrganisation;

import java.util.Optional;
import java.util.function.Supplier;

/** The organisation tree as the permission checks walk it: each organisation read as current as the log. */
public class LogCheckedOrganisations implements OrganisationRegistry {

    private final Supplier<Repository<Organisation>> organisations;
    private final LogCheckedLookups lookups;

    public LogCheckedOrganisations(Supplier<Repository<Organisation>> organisations, LogCheckedLookups lookups) {
        this.organisations = organisations;
        this.lookups = lookups;
    }

    @Override
    public Optional<RegisteredOrganisation> find(String orgId) {
        return lookups.find(organisations, "registration", orgId, Organisation::registration);
    }
}
