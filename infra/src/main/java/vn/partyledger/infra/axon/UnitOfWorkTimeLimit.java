package vn.partyledger.infra.axon;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Stops a unit of work that runs past its limit: its thread is interrupted, and the work ends in an
 * {@link AxonTimeoutException} (a read answers 503, ProblemHandling), even when a handler swallowed the interrupt. The
 * limit runs from the first handler of the root unit of work until the root is cleaned up, commit included; nested
 * units of work run in their root's time. In place of Axon's own limits (ADR 0072), which walk the whole calling
 * stack when each starts, only to name the caller in a warning: some 6 % of a branch roster read's request thread
 * under Spring's filters. Here the stack is taken only when a warning is due.
 */
public final class UnitOfWorkTimeLimit implements MessageHandlerInterceptor<Message<?>> {

    private static final Logger log = LoggerFactory.getLogger(UnitOfWorkTimeLimit.class);
    private static final String TIMED_WORK = UnitOfWorkTimeLimit.class.getName();

    private final String component;
    private final Duration limit;
    private final Duration warnEvery;
    private final ScheduledExecutorService timer;

    /**
     * @param component what the limit is on, as the warnings name it ("query bus")
     * @param timer     runs the warnings and the stop; its tasks are short
     */
    UnitOfWorkTimeLimit(String component, Duration limit, Duration warnEvery, ScheduledExecutorService timer) {
        this.component = component;
        this.limit = limit;
        this.warnEvery = warnEvery;
        this.timer = timer;
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        TimedWork work = root.getResource(TIMED_WORK);
        if (work == null) {
            TimedWork started = new TimedWork(Thread.currentThread(), unitOfWork.getMessage().getPayloadType());
            root.resources().put(TIMED_WORK, started);
            root.onCleanup(done -> started.end());
            started.start();
            work = started;
        }
        Object result;
        try {
            result = interceptorChain.proceed();
        } catch (Exception e) {
            throw work.stoppedOr(e);
        }
        work.throwIfStopped();
        return result;
    }

    /** One root unit of work under its limit. */
    private final class TimedWork {

        private final Thread thread;
        private final String handling;
        private final long startNanos = System.nanoTime();
        private ScheduledFuture<?> next;
        private boolean ended;
        private boolean stopped;

        TimedWork(Thread thread, Class<?> payloadType) {
            this.thread = thread;
            this.handling = payloadType.getSimpleName();
        }

        synchronized void start() {
            scheduleNext();
        }

        private void scheduleNext() {
            long ranNanos = System.nanoTime() - startNanos;
            long toLimit = limit.toNanos() - ranNanos;
            long toWarning = warnEvery.toNanos() * (ranNanos / warnEvery.toNanos() + 1) - ranNanos;
            next = toWarning < toLimit
                    ? timer.schedule(this::warn, toWarning, TimeUnit.NANOSECONDS)
                    : timer.schedule(this::stop, toLimit, TimeUnit.NANOSECONDS);
        }

        private synchronized void warn() {
            if (ended) {
                return;
            }
            // the stop is scheduled before the warning is written, so a failure to write it cannot lose the stop
            scheduleNext();
            log.warn("{} handling {} on thread {} has run {} ms; it is stopped at {} ms. Its stack:\n{}", component,
                    handling, thread.getName(), ranMillis(), limit.toMillis(), stackOf(thread));
        }

        private synchronized void stop() {
            if (ended) {
                return;
            }
            stopped = true;
            thread.interrupt();
            log.error("{} handling {} on thread {} passed its limit of {} ms: interrupted. Its stack:\n{}", component,
                    handling, thread.getName(), limit.toMillis(), stackOf(thread));
        }

        /**
         * Ends the limit. When it stopped the work, its interrupt is taken back here, on the work's own thread, so it
         * cannot reach whatever that thread runs next; the interrupt was sent under this lock, so it has landed.
         */
        synchronized void end() {
            ended = true;
            if (next != null) {
                next.cancel(false);
            }
            if (stopped && Thread.currentThread() == thread) {
                Thread.interrupted();
            }
        }

        /** The handler's own exception, unless the limit stopped it: then the time-out, with the exception kept. */
        Exception stoppedOr(Exception e) {
            synchronized (this) {
                if (!stopped) {
                    return e;
                }
            }
            AxonTimeoutException timedOut = timedOut();
            timedOut.addSuppressed(e);
            return timedOut;
        }

        /** A handler that caught the interrupt and returned anyway was still stopped: its result is not given. */
        void throwIfStopped() {
            synchronized (this) {
                if (!stopped) {
                    return;
                }
            }
            throw timedOut();
        }

        private AxonTimeoutException timedOut() {
            Thread.interrupted();
            return new AxonTimeoutException(component + " handling " + handling + " was stopped after its limit of "
                    + limit.toMillis() + " ms");
        }

        private long ranMillis() {
            return (System.nanoTime() - startNanos) / 1_000_000;
        }
    }

    private static String stackOf(Thread thread) {
        return Arrays.stream(thread.getStackTrace()).map(frame -> "\tat " + frame).collect(Collectors.joining("\n"));
    }
}
