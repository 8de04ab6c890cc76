package vn.partyledger.infra.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;

import vn.partyledger.infra.config.PartyLedgerProperties;

/**
 * Kafka clients for the whole application, pointed either at {@code partyledger.kafka.bootstrap-servers} or — when
 * that is empty — at an {@link EmbeddedKafkaBroker} started here on 127.0.0.1 (Boot's Kafka auto-configuration is
 * excluded on purpose).
 *
 * <p>Every client bean depends on {@link KafkaEndpoint}, which in embedded mode depends on the broker; Spring
 * therefore closes the producers, consumers and admin clients before it stops the broker. Listener containers are
 * stopped even earlier, in the lifecycle phase.
 *
 * <p>Inbound listeners: {@code read_committed}, no auto-commit, {@link ContainerProperties.AckMode#RECORD} — the
 * offset of a record is committed right after the listener returned normally for it; a listener that throws leaves
 * it uncommitted and hands it to the {@link CommonErrorHandler} bean if one is declared (the place for retries and
 * the dead-letter topic), otherwise to spring-kafka's default (retry 9 times, then log and skip).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafka
@EnableConfigurationProperties(PartyLedgerProperties.class)
public class KafkaConfiguration {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

    @Configuration(proxyBeanMethods = false)
    @Conditional(KafkaConfiguration.NoBootstrapServers.class)
    static class Embedded {

        @Bean(destroyMethod = "close")
        EmbeddedKafkaBroker embeddedKafkaBroker(PartyLedgerProperties properties) {
            PartyLedgerProperties.KafkaEmbedded embedded = properties.kafka().embedded();
            return EmbeddedKafkaBroker.start(properties.kafkaLogDir(), embedded.port(), embedded.controllerPort());
        }

        @Bean
        KafkaEndpoint kafkaEndpoint(EmbeddedKafkaBroker broker) {
            return new KafkaEndpoint(broker.bootstrapServers(), true);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(KafkaConfiguration.BootstrapServersConfigured.class)
    static class External {

        @Bean
        KafkaEndpoint kafkaEndpoint(PartyLedgerProperties properties) {
            return new KafkaEndpoint(properties.kafka().bootstrapServers().trim(), false);
        }
    }

    /** Creates every {@code NewTopic} bean of the context at start-up (and adds partitions if a bean asks for more). */
    @Bean
    KafkaAdmin kafkaAdmin(KafkaEndpoint endpoint) {
        return new KafkaAdmin(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, endpoint.bootstrapServers(),
                CommonClientConfigs.CLIENT_ID_CONFIG, "party-ledger-admin"));
    }

    /** Idempotent, {@code acks=all}: a retried send never duplicates nor reorders a record within a partition. */
    @Bean
    ProducerFactory<String, String> kafkaProducerFactory(KafkaEndpoint endpoint) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoint.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "party-ledger-producer");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, String> kafkaTemplate(ProducerFactory<String, String> kafkaProducerFactory) {
        return new KafkaTemplate<>(kafkaProducerFactory);
    }

    /** No group id here: each listener names its own ({@code @KafkaListener(groupId = …)} or its {@code id}). */
    @Bean
    ConsumerFactory<String, String> kafkaConsumerFactory(KafkaEndpoint endpoint) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoint.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new DefaultKafkaConsumerFactory<>(config);
    }

    /** The factory {@code @KafkaListener} uses by default (that is what its bean name means). */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> kafkaListenerContainerFactory(
            ConsumerFactory<String, String> kafkaConsumerFactory, ObjectProvider<CommonErrorHandler> errorHandler) {
        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(kafkaConsumerFactory);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        errorHandler.ifUnique(factory::setCommonErrorHandler);
        return factory;
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaEndpoint endpoint) {
        return new KafkaHealthIndicator(endpoint, HEALTH_TIMEOUT);
    }

    /** Matches when {@code partyledger.kafka.bootstrap-servers} is missing or blank: start the embedded broker. */
    static final class NoBootstrapServers extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return PartyLedgerProperties.bind(context.getEnvironment()).kafka().external()
                    ? ConditionOutcome.noMatch("partyledger.kafka.bootstrap-servers is set")
                    : ConditionOutcome.match("partyledger.kafka.bootstrap-servers is empty: embedded broker");
        }
    }

    /** Matches when {@code partyledger.kafka.bootstrap-servers} has a value: connect there, start nothing. */
    static final class BootstrapServersConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return PartyLedgerProperties.bind(context.getEnvironment()).kafka().external()
                    ? ConditionOutcome.match("partyledger.kafka.bootstrap-servers is set")
                    : ConditionOutcome.noMatch("partyledger.kafka.bootstrap-servers is empty");
        }
    }
}
