package vn.partyledger.infra.security;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.person.Person;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.command.transfer.TransferCase;
import vn.partyledger.domain.shared.Today;

/**
 * Puts least privilege where every message passes (ADR 0021): on the command bus and on the query bus, as each message
 * is sent and before any handler runs. No controller checks anything itself, so none can forget to.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorisationConfiguration {

    @Bean
    public Authorisation authorisation(OrganisationRegistry organisations, org.axonframework.config.Configuration axon) {
        return new Authorisation(new PermissionTable(), organisations, new AggregateRecordHolders(
                () -> axon.repository(Member.class), () -> axon.repository(TransferCase.class),
                () -> axon.repository(Person.class)));
    }

    @Bean
    public PermissionCheck permissionCheck(Authorisation authorisation, CurrentActor currentActor) {
        return new PermissionCheck(authorisation, currentActor);
    }

    /** Registered by hand, like the command outcome interceptor: Axon's auto-configuration would miss the buses. */
    @Bean
    public InitializingBean leastPrivilege(CommandBus commandBus, QueryBus queryBus, Authorisation authorisation,
                                           CurrentActor currentActor, Today today) {
        return () -> {
            commandBus.registerDispatchInterceptor(new CommandAuthorisation(authorisation));
            queryBus.registerDispatchInterceptor(new QueryAuthorisation(authorisation, currentActor, today));
        };
    }
}
