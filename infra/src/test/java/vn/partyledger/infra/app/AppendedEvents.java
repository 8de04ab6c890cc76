package vn.partyledger.infra.app;

import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The events the event store appends while subscribed. Axon hands an append's events to subscribers only once the
 * storage engine has stored them, so this sees every write through Axon's own contract and never reads the stored
 * documents, whose format belongs to the engine.
 */
final class AppendedEvents implements AutoCloseable {

    private final List<EventMessage<?>> events = new CopyOnWriteArrayList<>();
    private final Registration subscription;

    AppendedEvents(EventStore eventStore) {
        subscription = eventStore.subscribe(events::addAll);
    }

    int count() {
        return events.size();
    }

    /** The events appended since {@code count()} answered {@code from}, as "PayloadType on aggregate-id". */
    List<String> since(int from) {
        return events.subList(from, events.size()).stream()
                .map(event -> event.getPayloadType().getSimpleName() + (event instanceof DomainEventMessage<?> domain
                        ? " on " + domain.getAggregateIdentifier() : ""))
                .toList();
    }

    @Override
    public void close() {
        subscription.cancel();
    }
}
