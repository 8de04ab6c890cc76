package vn.partyledger.infra.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;
import vn.partyledger.infra.integration.IntegrationProperties;

import java.time.Clock;
import java.util.Map;

/** The Merkle tree over the log, its checkpoints and the proofs read from them (ADR 0043). */
@Configuration(proxyBeanMethods = false)
public class CheckpointConfiguration {

    @Bean
    LogTree logTree(MongoDatabase database) {
        return new LogTree(database);
    }

    @Bean
    CheckpointStore checkpointStore(MongoDatabase database) {
        return new CheckpointStore(database);
    }

    @Bean
    CheckpointSigner checkpointSigner(CheckpointProperties properties) {
        return properties.signer();
    }

    @Bean
    public LogProofs logProofs(LogTree logTree, CheckpointStore checkpointStore, CheckpointSigner checkpointSigner) {
        return new LogProofs(logTree, checkpointStore, checkpointSigner);
    }

    @Bean
    public LogAuditor logAuditor(MongoEventStorageEngine eventStorageEngine, LogTree logTree,
                                 CheckpointStore checkpointStore, CheckpointSigner checkpointSigner) {
        return new LogAuditor(eventStorageEngine, logTree, checkpointStore, checkpointSigner);
    }

    @Bean
    public VerificationJobs verificationJobs(LogAuditor logAuditor, MongoEventStorageEngine eventStorageEngine,
                                             Clock clock) {
        return new VerificationJobs(logAuditor, eventStorageEngine, clock);
    }

    /** Kept for ever, in one partition so they arrive in order: an auditor's copy must be complete. */
    @Bean
    NewTopic checkpointsTopic(CheckpointProperties properties) {
        return new NewTopic(properties.topic(), 1, properties.replicas())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
    }

    @Bean
    @ConditionalOnProperty(name = "partyledger.checkpoints.enabled", matchIfMissing = true)
    CheckpointSchedule checkpointSchedule(MongoEventStorageEngine eventStorageEngine, LogTree logTree,
                                          CheckpointStore checkpointStore, CheckpointSigner checkpointSigner,
                                          KafkaTemplate<String, String> kafkaTemplate, ObjectMapper objectMapper,
                                          IntegrationProperties integration, Clock clock,
                                          CheckpointProperties properties) {
        CheckpointRecorder recorder = new CheckpointRecorder(
                eventStorageEngine, logTree, checkpointStore, checkpointSigner,
                new CheckpointPublisher(kafkaTemplate, objectMapper, properties, integration), clock, properties);
        return new CheckpointSchedule(recorder, properties.pollInterval());
    }
}
