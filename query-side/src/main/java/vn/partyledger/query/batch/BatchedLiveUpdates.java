package vn.partyledger.query.batch;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The updates a projection sends to live subscription queries through its emitter. Within a unit of work (a processor
 * batch) they are held and sent, in their order, once it has committed, as the emitter itself would; then only if some
 * subscription query is live at all: a rebuild or a replay nobody follows pays one look at the subscriptions per batch
 * rather than the emitter's scheduling per update (ADR 0038). Outside of a unit of work each is sent at once.
 */
public final class BatchedLiveUpdates {

    /** Numbers each instance, so that each holds its own updates in a unit of work that several projections share. */
    private static final AtomicLong INSTANCES = new AtomicLong();

    private final QueryUpdateEmitter emitter;
    private final String resource;

    public BatchedLiveUpdates(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
        this.resource = BatchedLiveUpdates.class.getName() + "#" + INSTANCES.incrementAndGet();
    }

    /** Sends {@code update} to the live queries of {@code queryType} that {@code filter} accepts. */
    public <Q> void emit(Class<Q> queryType, Predicate<? super Q> filter, Object update) {
        Update<Q> held = new Update<>(queryType, filter, update);
        if (!CurrentUnitOfWork.isStarted() || CurrentUnitOfWork.get().phase() != UnitOfWork.Phase.STARTED) {
            held.sendThrough(emitter);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.<List<Update<?>>>getOrComputeResource(resource, key -> {
            List<Update<?>> updates = new ArrayList<>();
            root.afterCommit(unitOfWork -> send(updates));
            return updates;
        }).add(held);
    }

    private void send(List<Update<?>> updates) {
        if (!emitter.activeSubscriptions().isEmpty()) {
            updates.forEach(update -> update.sendThrough(emitter));
        }
    }

    private record Update<Q>(Class<Q> queryType, Predicate<? super Q> filter, Object update) {
        void sendThrough(QueryUpdateEmitter emitter) {
            emitter.emit(queryType, filter::test, update);
        }
    }
}
