package vn.partyledger.infra.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.person.Person;
import vn.partyledger.command.organisation.AggregateOrganisationRegistry;
import vn.partyledger.command.organisation.Organisation;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.shared.MetadataKeys;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.infra.calendar.PublishedCalendarFile;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;

import java.time.Clock;

/** Registers the aggregates and the resources their command handlers are given (registry, calendar, policies). */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    public ConfigurerModule aggregates() {
        return configurer -> configurer
                .configureAggregate(EventSourcedAggregates.configuration(Organisation.class))
                .configureAggregate(EventSourcedAggregates.configuration(Member.class))
                .configureAggregate(EventSourcedAggregates.configuration(Person.class));
    }

    @Bean
    public OrganisationRegistry organisationRegistry(org.axonframework.config.Configuration axon) {
        return new AggregateOrganisationRegistry(() -> axon.repository(Organisation.class));
    }

    @Bean
    public WorkingDayCalendar workingDayCalendar(RulesProperties rules, ResourceLoader resources) {
        return PublishedCalendarFile.read(rules.calendarFiles().stream().map(resources::getResource).toList());
    }

    @Bean
    public AdmissionPolicy admissionPolicy(RulesProperties rules) {
        return new AdmissionPolicy(rules.ceremonyDeadlineWorkingDays(), rules.probationMonths());
    }

    /** Business dates are Vietnamese calendar dates, whatever the server's own time zone. */
    @Bean
    public Clock clock() {
        return Clock.system(Today.BUSINESS_ZONE);
    }

    /** What the rules ask when a stated date must already have come (BUSINESS_DATE_NOT_IN_THE_FUTURE). */
    @Bean
    public Today today(Clock clock) {
        return new Today(clock);
    }

    /**
     * The command's metadata every event carries; the request key and fingerprint let the event store record an
     * Idempotency-Key in the commit itself (ADR 0019).
     */
    @Bean
    public CorrelationDataProvider decisionMetadataProvider() {
        return new SimpleCorrelationDataProvider(MetadataKeys.ACTOR, MetadataKeys.DECISION,
                MetadataKeys.BUSINESS_DATE, MetadataKeys.RULE_SET, MetadataKeys.REQUEST_ID,
                MongoEventStorageEngine.REQUEST_KEY, MongoEventStorageEngine.REQUEST_FINGERPRINT);
    }

    @Bean
    public CorrelationDataProvider causationProvider() {
        return new CausationProvider();
    }

    /**
     * Registered by hand, not exposed as an interceptor bean: Axon's auto-configuration would put an event dispatch
     * interceptor bean on the event gateway only, while aggregates publish through the event bus.
     */
    @Bean
    public InitializingBean commandOutcomeRecording(CommandBus commandBus, EventBus eventBus) {
        CommandOutcomeInterceptor interceptor = new CommandOutcomeInterceptor();
        return () -> {
            commandBus.registerHandlerInterceptor(interceptor);
            eventBus.registerDispatchInterceptor(interceptor);
        };
    }
}
