package vn.partyledger.infra.axon;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import vn.partyledger.domain.shared.MetadataKeys;

import java.util.Map;

/**
 * Every message caused by another carries the id of its cause and the correlation id of the whole conversation (the
 * HTTP request's, or the first message's own id), so an auditor can follow a decision from request to every event.
 */
public class CausationProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Object correlationId = message.getMetaData().getOrDefault(MetadataKeys.CORRELATION_ID,
                message.getIdentifier());
        return Map.of(MetadataKeys.CORRELATION_ID, correlationId,
                MetadataKeys.CAUSATION_ID, message.getIdentifier());
    }
}
