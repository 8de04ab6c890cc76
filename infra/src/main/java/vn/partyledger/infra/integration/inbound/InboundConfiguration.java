package vn.partyledger.infra.integration.inbound;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import vn.partyledger.infra.integration.IntegrationProperties;

import java.util.Map;

/**
 * The inbound topic, this province's dead-letter topic and the consumer of the inbound topic (ADR 0045). The
 * consumer group is this province's ({@code partyledger-inbound-<source>}), so every province reads the whole
 * exchange and applies what is addressed to it; offsets are committed record by record, after the message was
 * applied, skipped or dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
public class InboundConfiguration {

    private static final Map<String, String> KEPT_FOREVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);

    @Bean
    public NewTopic inboundTopic(InboundProperties inbound, IntegrationProperties integration) {
        return new NewTopic(inbound.topic(), integration.partitions(), integration.replicas()).configs(KEPT_FOREVER);
    }

    /** One partition: the dead letters are listed in the order they came. */
    @Bean
    public NewTopic deadLetterTopic(InboundProperties inbound, IntegrationProperties integration) {
        return new NewTopic(inbound.deadLetterTopic(), 1, integration.replicas()).configs(KEPT_FOREVER);
    }

    @Bean
    public ConcurrentMessageListenerContainer<String, String> inboundConsumer(
            ConsumerFactory<String, String> kafkaConsumerFactory, InboundProperties inbound,
            IntegrationProperties integration, InboundProcessor processor, DeadLetters deadLetters) {
        InboundListener listener = new InboundListener(processor, deadLetters);
        ContainerProperties properties = new ContainerProperties(inbound.topic());
        properties.setGroupId("partyledger-inbound-" + integration.source());
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        properties.setMessageListener(listener);
        ConcurrentMessageListenerContainer<String, String> container =
                new ConcurrentMessageListenerContainer<>(kafkaConsumerFactory, properties);
        container.setCommonErrorHandler(new DefaultErrorHandler(listener.recoverer(),
                new FixedBackOff(inbound.pause().toMillis(), inbound.attempts() - 1L)));
        return container;
    }
}
