package vn.partyledger.infra.security;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.person.Person;
import vn.partyledger.command.organisation.Organisation;
import vn.partyledger.command.transfer.TransferCase;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;

/**
 * Puts least privilege where every message passes (ADR 0021): on the command bus and on the query bus, as each message
 * is sent and before any handler runs. No controller checks anything itself, so none can forget to.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorisationConfiguration {

    /** A province's organisations (each with its roll counts over time) and the members read lately. */
    private static final int LOOKUPS_KEPT = 100_000;

    /**
     * Every message is checked, so the check's look-ups are kept between messages, each as long as the log holds no
     * later event of its aggregate: a read no longer loads the organisations above it and the member it concerns.
     */
    @Bean
    public Authorisation authorisation(org.axonframework.config.Configuration axon, MongoEventStorageEngine log) {
        LogCheckedLookups lookups = new LogCheckedLookups(log::withEventsAfter, LOOKUPS_KEPT);
        return new Authorisation(new PermissionTable(),
                new LogCheckedOrganisations(() -> axon.repository(Organisation.class), lookups),
                new AggregateRecordHolders(() -> axon.repository(Member.class),
                        () -> axon.repository(TransferCase.class), () -> axon.repository(Person.class), lookups));
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
