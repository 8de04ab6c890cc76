package vn.partyledger.command.organisation;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.Optional;
import java.util.function.Supplier;

/** Answers look-ups by loading the Organisation aggregate from its event stream: always as current as the log. */
public class AggregateOrganisationRegistry implements OrganisationRegistry {

    private final Supplier<Repository<Organisation>> organisations;

    /** Takes a supplier: Axon's repositories exist only once its configuration has started. */
    public AggregateOrganisationRegistry(Supplier<Repository<Organisation>> organisations) {
        this.organisations = organisations;
    }

    @Override
    public Optional<RegisteredOrganisation> find(String orgId) {
        try {
            return Optional.of(organisations.get().load(orgId).invoke(Organisation::registration));
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
    }
}
