package vn.partyledger.infra.security;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import vn.partyledger.query.kept.KeptWhileCurrent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the permission checks read from aggregates (an organisation's place in the tree, a member's home branch), kept
 * while the log holds no later event of the aggregate ({@link KeptWhileCurrent}): one keyed read of the log instead of
 * a load of the whole aggregate per check, and never older than the log, whichever node wrote to it. Only a value
 * loaded in a unit of work of its own is kept ({@link KeptWhileCurrent#keepIfReadOnItsOwn}).
 */
public class LogCheckedLookups {

    private final KeptWhileCurrent.LaterEvents laterEvents;
    private final int capacity;
    /** One store of values per look-up, so that two sides of one aggregate are kept apart. */
    private final Map<String, KeptWhileCurrent<Object>> lookups = new ConcurrentHashMap<>();

    /** Keeps at most {@code capacity} values of each look-up, the least recently used going first. */
    public LogCheckedLookups(KeptWhileCurrent.LaterEvents laterEvents, int capacity) {
        this.laterEvents = laterEvents;
        this.capacity = capacity;
    }

    /** The {@code side} of the aggregate {@code id} as the log has it now; empty when there is no such aggregate. */
    @SuppressWarnings("unchecked")
    public <A, T> Optional<T> find(Supplier<Repository<A>> repository, String lookup, String id, Function<A, T> side) {
        KeptWhileCurrent<Object> kept = lookups.computeIfAbsent(lookup,
                name -> new KeptWhileCurrent<>(laterEvents, capacity));
        Object current = kept.current(List.of(id)).get(id);
        if (current != null) {
            return Optional.of((T) current);
        }
        try {
            Aggregate<A> aggregate = repository.get().load(id);
            T value = aggregate.invoke(side);
            if (value != null && aggregate.version() != null) {
                kept.keepIfReadOnItsOwn(id, aggregate.version(), value);
            }
            return Optional.ofNullable(value);
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
    }
}
