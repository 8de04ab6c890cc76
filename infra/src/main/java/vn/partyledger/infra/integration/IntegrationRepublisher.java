package vn.partyledger.infra.integration;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads the log from a position to the end it had when asked and sends each event's message again, one at a time and
 * acknowledged, beside the publisher (whose position it leaves alone). Events appended meanwhile are the publisher's.
 */
@Component
public class IntegrationRepublisher {

    /** How long the end of the log is waited for before it counts as reached. */
    private static final int END_OF_LOG_WAIT_MILLIS = 200;

    private final EventStore eventStore;
    private final IntegrationSender sender;
    private final IntegrationEvents integrationEvents = new IntegrationEvents();

    public IntegrationRepublisher(EventStore eventStore, IntegrationSender sender) {
        this.eventStore = eventStore;
        this.sender = sender;
    }

    public Republished republish(RepublishIntegrationEvents request) throws Exception {
        long end = eventStore.createHeadToken().position().orElse(-1);
        GlobalSequenceTrackingToken before = request.fromPosition() == 0 ? null
                : new GlobalSequenceTrackingToken(request.fromPosition() - 1);
        long last = -1;
        int published = 0;
        try (BlockingStream<TrackedEventMessage<?>> log = eventStore.openStream(before)) {
            while (log.hasNextAvailable(END_OF_LOG_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> event = log.nextAvailable();
                long position = event.trackingToken().position().orElseThrow();
                if (position > end) {
                    break;
                }
                last = position;
                Optional<IntegrationEvent> message = integrationEvents.of(event.getPayload(), event.getMetaData());
                if (message.isPresent()) {
                    sender.send(message.get(), event);
                    published++;
                }
            }
        }
        return new Republished(request.fromPosition(), last, published);
    }
}
