package vn.partyledger.query.kept;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Values read from aggregates, each kept with the aggregate's version it was read at and given again only while the
 * log holds no later event of that aggregate, whichever node wrote it (ADR 0052, 0054, 0070). Many are checked in one
 * read of the log. At most {@code capacity} are kept, the least recently used going first.
 *
 * @param <T> the value kept: immutable, since it is handed out again
 */
public final class KeptWhileCurrent<T> {

    /** Of the aggregates given with a version each, those whose stream the log holds an event after it for. */
    @FunctionalInterface
    public interface LaterEvents {
        Set<String> after(Map<String, Long> versions);
    }

    private record Kept<T>(long version, T value) {
    }

    private final LaterEvents laterEvents;
    private final Map<String, Kept<T>> kept;

    public KeptWhileCurrent(LaterEvents laterEvents, int capacity) {
        this.laterEvents = laterEvents;
        this.kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept<T>> eldest) {
                return size() > capacity;
            }
        });
    }

    /** The values kept for those of the aggregates the log has not moved past; the others are left out. */
    public Map<String, T> current(Collection<String> aggregateIds) {
        Map<String, Long> versions = new HashMap<>();
        Map<String, T> values = new HashMap<>();
        for (String aggregateId : aggregateIds) {
            Kept<T> value = kept.get(aggregateId);
            if (value != null) {
                versions.put(aggregateId, value.version());
                values.put(aggregateId, value.value());
            }
        }
        if (!versions.isEmpty()) {
            values.keySet().removeAll(laterEvents.after(versions));
        }
        return values;
    }

    /** Keeps the value read from the aggregate at {@code version}, its last sequence number. */
    public void keep(String aggregateId, long version, T value) {
        kept.put(aggregateId, new Kept<>(version, value));
    }

    /**
     * Keeps the value as {@link #keep} does only when it was read in a unit of work of its own: one nested in a
     * command's reads that command's events before they are stored, or ever are (Axon's event store gives a load the
     * events staged in the unit of work it runs in).
     */
    public void keepIfReadOnItsOwn(String aggregateId, long version, T value) {
        if (CurrentUnitOfWork.map(unitOfWork -> unitOfWork.parent().isEmpty()).orElse(false)) {
            keep(aggregateId, version, value);
        }
    }
}
