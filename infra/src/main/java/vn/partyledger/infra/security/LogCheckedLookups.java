package vn.partyledger.infra.security;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the permission checks read from aggregates (an organisation's place in the tree, a member's home branch), kept
 * with the version of the aggregate it was read at and given again only while the log holds no later event of that
 * aggregate: one keyed read of the log instead of a load of the whole aggregate per check, and never older than the
 * log, whichever node wrote to it. Only a value loaded in a unit of work of its own is kept: one nested in a command's
 * could see that command's events before they are stored, or ever are.
 */
public class LogCheckedLookups {

    /** Whether the log holds an event of the aggregate after the given version (its last sequence number). */
    @FunctionalInterface
    public interface LaterEvents {
        boolean storedAfter(String aggregateIdentifier, long version);
    }

    private record Looked(long version, Object value) {
    }

    private final LaterEvents laterEvents;
    private final Map<String, Looked> looked;

    /** Keeps at most {@code capacity} values, the least recently used going first. */
    public LogCheckedLookups(LaterEvents laterEvents, int capacity) {
        this.laterEvents = laterEvents;
        this.looked = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Looked> eldest) {
                return size() > capacity;
            }
        });
    }

    /**
     * The {@code side} of the aggregate {@code id} as the log has it now; empty when there is no such aggregate.
     * {@code lookup} names the side, so that two sides of one aggregate are kept apart.
     */
    @SuppressWarnings("unchecked")
    public <A, T> Optional<T> find(Supplier<Repository<A>> repository, String lookup, String id, Function<A, T> side) {
        String key = lookup + '\u0000' + id;
        Looked kept = looked.get(key);
        if (kept != null && !laterEvents.storedAfter(id, kept.version())) {
            return Optional.ofNullable((T) kept.value());
        }
        try {
            Aggregate<A> aggregate = repository.get().load(id);
            T value = aggregate.invoke(side);
            if (aggregate.version() != null && inUnitOfWorkOfItsOwn()) {
                looked.put(key, new Looked(aggregate.version(), value));
            }
            return Optional.ofNullable(value);
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
    }

    private static boolean inUnitOfWorkOfItsOwn() {
        return CurrentUnitOfWork.map(unitOfWork -> unitOfWork.parent().isEmpty()).orElse(false);
    }
}
