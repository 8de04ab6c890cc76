package vn.partyledger.infra.integration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code source} is this deployment's CloudEvents source (one per province); the topics' partitions and replicas are
 * created by the application at start-up (replicas 1 suits the embedded broker, use 3 on a cluster). A send not
 * acknowledged within {@code sendTimeout} fails the publisher's event, which it retries.
 */
@ConfigurationProperties("partyledger.integration")
public record IntegrationProperties(@DefaultValue("urn:partyledger:province:local") String source,
                                    @DefaultValue("partyledger.member-events.v1") String memberEventsTopic,
                                    @DefaultValue("partyledger.organisation-events.v1") String organisationEventsTopic,
                                    @DefaultValue("6") int partitions,
                                    @DefaultValue("1") short replicas,
                                    @DefaultValue("30s") Duration sendTimeout) {
}
