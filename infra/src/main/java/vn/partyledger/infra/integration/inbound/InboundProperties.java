package vn.partyledger.infra.integration.inbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The inbound integration (ADR 0045): {@code topic} is the exchange every province sends its cross-province messages
 * to, each addressed by {@code ce_destination}; {@code deadLetterTopic} is this province's own. A message whose
 * command fails for a reason that is neither the message's nor a rule's (the store unreachable …) is tried again
 * {@code attempts} times, {@code pause} apart, before it is dead-lettered too.
 */
@ConfigurationProperties("partyledger.integration.inbound")
public record InboundProperties(@DefaultValue("partyledger.inbound.v1") String topic,
                                @DefaultValue("partyledger.inbound-dead-letters.v1") String deadLetterTopic,
                                @DefaultValue("10") int attempts,
                                @DefaultValue("1s") Duration pause) {
}
