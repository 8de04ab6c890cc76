package vn.partyledger.infra.axon;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.command.organisation.GrassrootsOrganisations;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.command.organisation.GrassrootsOnTheTree;
import vn.partyledger.command.transfer.IncomingTransfer;
import vn.partyledger.command.transfer.TransferCase;
import vn.partyledger.domain.exemption.ExemptionPolicy;
import vn.partyledger.domain.transfer.TransferPolicy;

/**
 * Registers the TransferCase and IncomingTransfer aggregates and the resources transfers and exemptions need (ADR
 * 0009, 0010, 0045).
 */
@Configuration(proxyBeanMethods = false)
public class TransfersAndExemptionsConfiguration {

    @Bean
    public ConfigurerModule transferCaseAggregate() {
        return configurer -> configurer
                .configureAggregate(EventSourcedAggregates.configuration(TransferCase.class));
    }

    /** A letter from another province, recorded by the inbound integration (ADR 0045). */
    @Bean
    public ConfigurerModule incomingTransferAggregate() {
        return configurer -> configurer
                .configureAggregate(EventSourcedAggregates.configuration(IncomingTransfer.class));
    }

    @Bean
    public GrassrootsOrganisations grassrootsOrganisations(OrganisationRegistry registry) {
        return new GrassrootsOnTheTree(registry);
    }

    @Bean
    public ExemptionPolicy exemptionPolicy(ExemptionRulesProperties rules) {
        return new ExemptionPolicy(rules.allowProbationary(), rules.temporaryMaxMonths());
    }

    @Bean
    public TransferPolicy transferPolicy(TransferRulesProperties rules) {
        return new TransferPolicy(rules.startWorkingDays(), rules.presentLetterWorkingDays(),
                rules.temporaryMinMonths(), rules.temporaryWorkMonthsBelow(), rules.temporaryStudyMaxMonths());
    }
}
