package vn.partyledger.infra.integration;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.infra.integration.inbound.InboundProperties;

/**
 * This province's own topics, created at start-up (the exchange between provinces is InboundConfiguration's). Integration events are kept (no time-based deletion) so a
 * provincial system can rebuild its copy from the beginning; compaction is off because every event matters, not
 * only the latest of a key.
 */
@Configuration(proxyBeanMethods = false)
public class IntegrationTopics {

    private static final Map<String, String> KEPT_FOREVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);

    @Bean
    public NewTopic memberEventsTopic(IntegrationProperties properties, InboundProperties inbound) {
        return topic(IntegrationTopic.MEMBER, properties, inbound);
    }

    @Bean
    public NewTopic organisationEventsTopic(IntegrationProperties properties, InboundProperties inbound) {
        return topic(IntegrationTopic.ORGANISATION, properties, inbound);
    }

    private static NewTopic topic(IntegrationTopic topic, IntegrationProperties properties,
                                  InboundProperties inbound) {
        return new NewTopic(topic.name(properties, inbound), properties.partitions(), properties.replicas())
                .configs(KEPT_FOREVER);
    }
}
