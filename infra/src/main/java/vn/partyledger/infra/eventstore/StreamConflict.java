package vn.partyledger.infra.eventstore;

import org.axonframework.eventhandling.EventMessage;

/**
 * An append that collides with what an aggregate's stream already holds (another writer's event at the same sequence
 * number, or a stream that does not end just before the new events). Nothing of the append becomes visible. The
 * engine turns it into Axon's {@code ConcurrencyException} (or {@code AggregateStreamCreationException} for a first
 * event) through its persistence exception resolver, as Axon's own engines do with a duplicate key.
 */
final class StreamConflict extends RuntimeException {

    private final transient EventMessage<?> failedEvent;

    StreamConflict(EventMessage<?> failedEvent, String reason) {
        super(reason);
        this.failedEvent = failedEvent;
    }

    EventMessage<?> failedEvent() {
        return failedEvent;
    }
}
