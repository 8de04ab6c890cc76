package vn.partyledger.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.ConnectionString;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.axonframework.updates.configuration.EnvironmentVariableUsagePropertyProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.ProducerFactory;

import vn.partyledger.infra.checkpoint.CheckpointProperties;
import vn.partyledger.infra.config.PartyLedgerProperties;
import vn.partyledger.infra.integration.IntegrationProperties;
import vn.partyledger.infra.integration.IntegrationTopics;
import vn.partyledger.infra.integration.inbound.InboundConfiguration;
import vn.partyledger.infra.integration.inbound.InboundProperties;
import vn.partyledger.infra.kafka.EmbeddedKafkaBroker;
import vn.partyledger.infra.kafka.KafkaConfiguration;

/**
 * What README's "Running past one machine" promises of every application node and every broker, whichever file
 * (compose or Kubernetes) describes them.
 */
final class ApplicationNodeChecks {

    private static final ApplicationSettings SETTINGS = ApplicationSettings.read();

    private ApplicationNodeChecks() {
    }

    /** The store and cluster the node is pointed at are the ones the file runs, and the embedded ones stay off. */
    static void pointsAtTheClusters(ApplicationNode node, String replicaSet, Set<String> mongoMembers,
                                    Set<String> kafkaBrokers) {
        PartyLedgerProperties properties = node.partyLedger();
        assertThat(properties.mongodb().external()).as(node.name() + ": embedded store off").isTrue();
        assertThat(properties.kafka().external()).as(node.name() + ": embedded broker off").isTrue();
        ConnectionString uri = node.mongoUri();
        assertThat(uri.getRequiredReplicaSetName()).isEqualTo(replicaSet);
        assertThat(Set.copyOf(uri.getHosts())).isEqualTo(mongoMembers);
        assertThat(Set.of(properties.kafka().bootstrapServers().split(","))).isEqualTo(kafkaBrokers);
    }

    /** Majority and journaled writes, majority reads, on every connection the application opens. */
    static void writesToAMajorityOfJournals(ApplicationNode node) {
        ConnectionString uri = node.mongoUri();
        assertThat(uri.getWriteConcern()).as(node.name()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
        assertThat(uri.getReadConcern()).as(node.name()).isEqualTo(ReadConcern.MAJORITY);
    }

    /** Every topic the application creates at start-up gets three replicas. */
    static void createsTopicsWithThreeReplicas(ApplicationNode node) {
        IntegrationProperties integration = node.bind("partyledger.integration", IntegrationProperties.class);
        InboundProperties inbound = node.bind("partyledger.integration.inbound", InboundProperties.class);
        IntegrationTopics topics = new IntegrationTopics();
        assertThat(topics.memberEventsTopic(integration, inbound).replicationFactor()).isEqualTo((short) 3);
        assertThat(topics.organisationEventsTopic(integration, inbound).replicationFactor()).isEqualTo((short) 3);
        InboundConfiguration exchange = new InboundConfiguration();
        assertThat(exchange.inboundTopic(inbound, integration).replicationFactor()).isEqualTo((short) 3);
        assertThat(exchange.deadLetterTopic(inbound, integration).replicationFactor()).isEqualTo((short) 3);
        assertThat(node.bind("partyledger.checkpoints", CheckpointProperties.class).replicas()).isEqualTo((short) 3);
    }

    /** The producer the application builds from the node's environment: idempotent, acks=all, to the cluster. */
    static void producesWithAcksAllIdempotently(ApplicationNode node) {
        new ApplicationContextRunner()
                .withInitializer(context -> node.applyTo(context.getEnvironment()))
                .withUserConfiguration(KafkaConfiguration.class)
                .run(context -> {
                    Map<String, Object> producer = context.getBean(ProducerFactory.class).getConfigurationProperties();
                    assertThat(producer).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                            .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                            .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                           node.partyLedger().kafka().bootstrapServers());
                    assertThat(context).doesNotHaveBean(EmbeddedKafkaBroker.class);
                });
    }

    static void hasTheUpdateCheckerOff(ApplicationNode node) {
        assertThat(new EnvironmentVariableUsagePropertyProvider(node.variables()::get).getDisabled())
                .as(node.name()).isTrue();
    }

    /** A variable the application does not read is a typo: the setting it meant is silently left at its default. */
    static void readsEveryVariableItIsGiven(ApplicationNode node) {
        assertThat(node.variables().keySet())
                .allSatisfy(variable -> assertThat(SETTINGS.reads(variable)).as(node.name() + ": " + variable).isTrue());
    }

    /** One deployment is one province: every node publishes under the same, configured, CloudEvents source. */
    static void speakForOneProvince(Collection<ApplicationNode> nodes) {
        Set<String> sources = nodes.stream()
                .map(node -> node.bind("partyledger.integration", IntegrationProperties.class).source())
                .collect(Collectors.toSet());
        assertThat(sources).hasSize(1);
        assertThat(sources.iterator().next()).matches("urn:partyledger:province:\\d+");
    }

    /** A broker of the cluster: replication factor 3, two in sync to acknowledge, no unclean leader, no topic by typo. */
    static void keepsEveryRecordOnTwoOfThree(Map<String, String> broker) {
        assertThat(broker).containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
                .containsEntry("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
    }

    /** The misspelling check itself: a real setting is recognised, a misspelt one is not. */
    static void recognisesOnlyRealSettings() {
        assertThat(SETTINGS.reads("PARTYLEDGER_INTEGRATION_REPLICAS")).isTrue();
        assertThat(SETTINGS.reads("PARTYLEDGER_PRIVACY_MASTER_KEY")).isTrue();
        assertThat(SETTINGS.reads("MONGODB_URI")).isTrue();
        assertThat(SETTINGS.reads("PARTYLEDGER_INTEGRATION_REPLICA")).isFalse();
        assertThat(SETTINGS.reads("MONGO_URI")).isFalse();
    }
}
