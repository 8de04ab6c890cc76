package vn.partyledger.command.support;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.test.FixtureResourceParameterResolverFactory;
import vn.partyledger.command.process.Records;

import java.util.List;

/**
 * The records of a second aggregate type beside a fixture's own, for a process that loads both: an event-sourced
 * repository on its own in-memory store, joined to the fixture's unit of work when the process loads from it. Its
 * command handlers are never called (the process calls public methods), so their resources are left unresolved.
 *
 * @param <T> the aggregate type
 */
public final class SideRecords<T> {

    private final Class<T> type;
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final EventSourcingRepository<T> repository;

    public SideRecords(Class<T> type) {
        this.type = type;
        this.repository = EventSourcingRepository.builder(type)
                .eventStore(store)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(type), new FixtureResourceParameterResolverFactory()))
                .build();
    }

    /** The record {@code id} has this history. */
    public SideRecords<T> given(String id, Object... events) {
        long next = store.lastSequenceNumberFor(id).map(last -> last + 1).orElse(0L);
        for (Object event : events) {
            store.publish(new GenericDomainEventMessage<>(type.getSimpleName(), id, next++, event));
        }
        return this;
    }

    /** The payloads of the events stored for {@code id}, the given ones and those appended since. */
    public List<Object> events(String id) {
        return store.readEvents(id).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    public Records<T> records() {
        return new Records<>(() -> repository);
    }
}
