package vn.partyledger.infra.integration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Topics this service publishes to, created at start-up. Integration events are kept (no time-based deletion) so a
 * provincial system can rebuild its copy from the beginning; compaction is off because every event matters.
 */
@Configuration(proxyBeanMethods = false)
public class IntegrationTopics {

    @Bean
    public NewTopic memberEventsTopic(IntegrationProperties properties) {
        return new NewTopic(properties.memberEventsTopic(), properties.partitions(), properties.replicas())
                .configs(java.util.Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
    }
}
