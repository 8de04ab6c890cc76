package vn.partyledger.infra.axon;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.command.organisation.AuthorityResolver;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.command.organisation.TreeAuthorityResolver;

/** The organisation tree's collaborator other aggregates ask: which committee is competent for a branch on a date. */
@Configuration(proxyBeanMethods = false)
public class OrganisationConfiguration {

    @Bean
    public AuthorityResolver authorityResolver(OrganisationRegistry registry) {
        return new TreeAuthorityResolver(registry);
    }
}
