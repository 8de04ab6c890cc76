package vn.partyledger.infra.axon;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The limits of {@link TimeLimitProperties} as interceptors, sharing one daemon thread for their warnings and stops;
 * a limit ended early is taken off its queue.
 */
public final class TimeLimits implements AutoCloseable {

    private final TimeLimitProperties limits;
    private final ScheduledThreadPoolExecutor timer;

    public TimeLimits(TimeLimitProperties limits) {
        this.limits = limits;
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("time-limits");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    public UnitOfWorkTimeLimit onQueries() {
        return new UnitOfWorkTimeLimit("query bus", limits.queries(), limits.warnEvery(), timer);
    }

    public UnitOfWorkTimeLimit onCommands() {
        return new UnitOfWorkTimeLimit("command bus", limits.commands(), limits.warnEvery(), timer);
    }

    public UnitOfWorkTimeLimit onEventBatches(String processor) {
        return new UnitOfWorkTimeLimit("event processor " + processor, limits.eventBatches(), limits.warnEvery(),
                timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
