package vn.partyledger.infra.axon;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.query.batch.ProjectionBatchTokenStore;
import vn.partyledger.infra.config.PartyLedgerProperties;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;
import vn.partyledger.infra.integration.IntegrationPublisher;
import vn.partyledger.query.due.DueListProjection;
import vn.partyledger.query.partyage.PartyAgeProjection;
import vn.partyledger.query.recruitment.RecruitmentProjection;
import vn.partyledger.query.statistics.MembershipStatisticsProjection;
import vn.partyledger.query.roster.BranchRosterProjection;
import vn.partyledger.query.tree.OrganisationTreeProjection;

import java.time.Clock;
import java.time.Duration;

/**
 * Axon's stores on MongoDB. Token, saga and dead-letter stores come from the Axon Mongo extension (its Spring Boot
 * starter stops at 4.10, so they are wired here by hand); the event store is our own engine.
 */
@Configuration(proxyBeanMethods = false)
public class AxonStorageConfiguration {

    private static final Duration IDLE_PROGRESS_STORED_EVERY = Duration.ofSeconds(1);

    /** Our engine (ADR 0019): one commit document per append, sealed positions, key-lookup reads, a hash chain. */
    @Bean
    public MongoEventStorageEngine eventStorageEngine(MongoDatabase database,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer serializer,
                                                 org.axonframework.config.Configuration axon,
                                                 PartyLedgerProperties properties) {
        return MongoEventStorageEngine.builder()
                .database(database)
                .timeouts(properties.eventStore().timeouts())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .build();
    }

    @Bean
    public MongoTemplate axonMongoTemplate(MongoDatabase database) {
        return DefaultMongoTemplate.builder().mongoDatabase(database).build();
    }

    /** Sends a batch's projection writes before its token (ADR 0038); claims are in this node's name (ADR 0053). */
    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer, ProcessingNodes nodes) {
        return new ProjectionBatchTokenStore(MongoTokenStore.builder().mongoTemplate(axonMongoTemplate)
                .serializer(serializer).nodeId(nodes.nodeId()).build());
    }

    @Bean
    public ProcessingNodes processingNodes(MongoDatabase database, Clock clock) {
        return new ProcessingNodes(database, clock);
    }

    /** What live reads on this node learn of the segments other nodes project (ADR 0053). */
    @Bean
    public OtherNodesProgress otherNodesProgress(StoredTokens storedTokens, ProcessingNodes nodes) {
        return new OtherNodesProgress(storedTokens, nodes);
    }

    /**
     * Every node takes its fair share of each processor's segments, so the nodes share the projection work instead of
     * the first one started doing it all; and a segment the new events do not concern stores its token's progress
     * within a second instead of Axon's five, because a read on another node that waits for a position
     * ({@code minPosition}) knows that segment's progress only from its stored token (ADR 0053).
     */
    @Bean
    public ConfigurerModule fairShareOfSegments(StoredTokens storedTokens, ProcessingNodes nodes) {
        FairShareOfSegments share = new FairShareOfSegments(storedTokens::segments, nodes);
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration((axon, builder) -> builder
                        .maxSegmentProvider(share)
                        .claimExtensionThreshold(IDLE_PROGRESS_STORED_EVERY.toMillis())));
    }

    /** Every segment's stored token, for reads that wait for a position on any node (ADR 0031). */
    @Bean
    public StoredTokens storedTokens(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return new StoredTokens(axonMongoTemplate, serializer);
    }

    @Bean
    public SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    /**
     * Projections park an event they cannot apply (and the later events of the same member) in a dead-letter queue
     * instead of stopping every branch's roster, due list, recruitment figures, party ages or membership statistics;
     * the sequence cache spares a look-up of the queue per event. The integration publisher instead stops and retries:
     * skipping a message to another province would lose it; so does the organisation tree, whose links an event
     * skipped would break for every organisation under it.
     */
    @Bean
    public ConfigurerModule eventProcessingErrorPolicies(MongoTemplate axonMongoTemplate,
                                                         @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> configurer.eventProcessing()
                .registerDeadLetterQueue(BranchRosterProjection.PROCESSING_GROUP, c ->
                        deadLetters(BranchRosterProjection.PROCESSING_GROUP, axonMongoTemplate, eventSerializer))
                .registerDeadLetteringEventHandlerInvokerConfiguration(BranchRosterProjection.PROCESSING_GROUP,
                        (c, builder) -> builder.enableSequenceIdentifierCache())
                .registerDeadLetterQueue(DueListProjection.PROCESSING_GROUP, c ->
                        deadLetters(DueListProjection.PROCESSING_GROUP, axonMongoTemplate, eventSerializer))
                .registerDeadLetterQueue(RecruitmentProjection.PROCESSING_GROUP, c ->
                        deadLetters(RecruitmentProjection.PROCESSING_GROUP, axonMongoTemplate, eventSerializer))
                .registerDeadLetterQueue(PartyAgeProjection.PROCESSING_GROUP, c ->
                        deadLetters(PartyAgeProjection.PROCESSING_GROUP, axonMongoTemplate, eventSerializer))
                .registerDeadLetterQueue(MembershipStatisticsProjection.PROCESSING_GROUP, c ->
                        deadLetters(MembershipStatisticsProjection.PROCESSING_GROUP, axonMongoTemplate,
                                eventSerializer))
                .registerListenerInvocationErrorHandler(IntegrationPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(OrganisationTreeProjection.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }

    private static MongoSequencedDeadLetterQueue<EventMessage<?>> deadLetters(
            String processingGroup, MongoTemplate axonMongoTemplate, Serializer eventSerializer) {
        return MongoSequencedDeadLetterQueue.builder()
                .processingGroup(processingGroup)
                .mongoTemplate(axonMongoTemplate)
                .serializer(eventSerializer)
                .build();
    }
}
