package vn.partyledger.infra.eventstore;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.Map;
import java.util.Optional;

/**
 * The log position of the last event a unit of work appended, kept on the unit of work, so that a command's answer
 * can say how far a projection must have read to show what the command did (read your own writes).
 */
public final class AppendedThrough {

    private static final String KEY = AppendedThrough.class.getName();

    private AppendedThrough() {
    }

    static void record(long position) {
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().resources()
                .merge(KEY, position, (earlier, later) -> Math.max((Long) earlier, (Long) later)));
    }

    /** The position recorded in the given unit of work's resources, if it appended anything. */
    public static Optional<Long> in(Map<String, Object> resources) {
        return Optional.ofNullable((Long) resources.get(KEY));
    }
}
