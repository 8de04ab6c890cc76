package vn.partyledger.infra.integration;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Publishes the integration event of every domain event that has one ({@link IntegrationEvents}), keyed by member or
 * organisation id (so each member's messages stay in order on one partition). A batch's messages are sent together
 * and awaited before its token is stored ({@link IntegrationSender#sendBeforeToken}), so the processor's token only
 * moves past an event once Kafka has acknowledged it; a failure fails the batch (AxonStorageConfiguration), the
 * processor releases its segment and sends the batch again: at least once, in order.
 * Replays never republish: the handler is {@code @DisallowReplay}, so the processor cannot be reset at all.
 */
@Component
@ProcessingGroup(IntegrationPublisher.PROCESSING_GROUP)
public class IntegrationPublisher {

    public static final String PROCESSING_GROUP = "integration-publisher";

    private final IntegrationSender sender;
    private final IntegrationEvents integrationEvents = new IntegrationEvents();

    public IntegrationPublisher(IntegrationSender sender) {
        this.sender = sender;
    }

    @DisallowReplay
    @EventHandler
    void on(Object payload, EventMessage<?> message) throws Exception {
        var integrationEvent = integrationEvents.of(payload, message.getMetaData());
        if (integrationEvent.isPresent()) {
            sender.sendBeforeToken(integrationEvent.get(), message);
        }
    }
}
