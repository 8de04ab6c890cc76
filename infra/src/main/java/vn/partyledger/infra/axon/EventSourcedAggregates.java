package vn.partyledger.infra.axon;

import org.axonframework.config.AggregateConfigurer;

/** How each of our aggregates is configured, so that Organisation, Member and TransferCase cannot drift apart. */
final class EventSourcedAggregates {

    private EventSourcedAggregates() {
    }

    /**
     * An event-sourced aggregate whose commands may carry an expected version (If-Match). Clients choose ids and all
     * aggregate types share one id space, so a member command can name an organisation's id: the repository keeps
     * only the events of its own aggregate type, and a stream written by another type loads as "not found" (404)
     * instead of having its events applied to the wrong aggregate.
     */
    static <A> AggregateConfigurer<A> configuration(Class<A> aggregateType) {
        return AggregateConfigurer.defaultConfiguration(aggregateType)
                .configureCommandTargetResolver(c -> new ExpectedVersionTargetResolver())
                .configureFilterEventsByType(c -> true);
    }
}
