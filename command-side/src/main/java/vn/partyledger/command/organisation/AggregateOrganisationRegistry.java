package vn.partyledger.command.organisation;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.Optional;

/** Answers look-ups by loading the Organisation aggregate from its event stream: always as current as the log. */
public class AggregateOrganisationRegistry implements OrganisationRegistry {

    private final Repository<Organisation> organisations;

    public AggregateOrganisationRegistry(Repository<Organisation> organisations) {
        this.organisations = organisations;
    }

    @Override
    public Optional<RegisteredOrganisation> find(String orgId) {
        try {
            return Optional.of(organisations.load(orgId).invoke(Organisation::registration));
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
    }
}
