package vn.partyledger.infra.axon;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.command.member.AggregateCollectiveTransfers;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.organisation.AuthorityResolver;
import vn.partyledger.command.organisation.CollectiveTransfers;
import vn.partyledger.command.organisation.Organisation;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.command.organisation.OrganisationRestructuring;
import vn.partyledger.command.organisation.TreeAuthorityResolver;

/**
 * The organisation tree's collaborators: the authority resolver other aggregates ask, and the merge/split handler
 * (Axon registers it as a command handler because it is a bean with {@code @CommandHandler} methods).
 */
@Configuration(proxyBeanMethods = false)
public class OrganisationConfiguration {

    @Bean
    public AuthorityResolver authorityResolver(OrganisationRegistry registry) {
        return new TreeAuthorityResolver(registry);
    }

    @Bean
    public CollectiveTransfers collectiveTransfers(org.axonframework.config.Configuration axon) {
        return new AggregateCollectiveTransfers(() -> axon.repository(Member.class));
    }

    @Bean
    public OrganisationRestructuring organisationRestructuring(org.axonframework.config.Configuration axon,
                                                               CollectiveTransfers transfers) {
        return new OrganisationRestructuring(() -> axon.repository(Organisation.class), transfers);
    }
}
