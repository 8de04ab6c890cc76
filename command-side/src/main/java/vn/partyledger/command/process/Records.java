package vn.partyledger.command.process;

import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The records of one kind a process loads in its command's unit of work, so everything it changes is appended together
 * or not at all (ADR 0004). The record a command is addressed to is loaded at the version its caller saw, as Axon does
 * for a command an aggregate handles itself: an HTTP If-Match travels as {@value #EXPECTED_VERSION} metadata.
 *
 * @param <T> the aggregate type
 */
public final class Records<T> {

    public static final String EXPECTED_VERSION = "expectedVersion";

    private final Supplier<Repository<T>> repository;

    /** Takes a supplier: Axon's repositories exist only once its configuration has started. */
    public Records(Supplier<Repository<T>> repository) {
        this.repository = repository;
    }

    /** The record the command is addressed to, refused if it moved on from the version the caller expects. */
    Aggregate<T> addressed(String id, MetaData metaData) {
        Object expected = metaData.get(EXPECTED_VERSION);
        return expected == null ? load(id) : repository.get().load(id, ((Number) expected).longValue());
    }

    Aggregate<T> load(String id) {
        return repository.get().load(id);
    }

    /** The record if it exists, else a new empty one that the caller's first event opens. */
    Aggregate<T> loadOrCreate(String id, Callable<T> empty) throws Exception {
        return repository.get().loadOrCreate(id, empty);
    }

    /** A new record, made by a constructor that checks its rules and applies its first event. */
    Aggregate<T> create(Callable<T> factory) throws Exception {
        return repository.get().newInstance(factory);
    }
}
