package vn.partyledger.infra.rebuild;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * One rebuild of one projection, on a thread of its own. A second instance of the projection fills the next generation
 * of its collections from the tail of the log, through a pooled streaming processor of its own ({@code <name>-rebuild},
 * tokens in the application's token store) that runs that projection's handlers and nothing else, so nothing is
 * published again. Once it has caught up with the head, the serving processor is paused, the rebuild reads on until it
 * has passed every position the serving processor had reached, and the fresh generation is made active; the serving
 * processor then carries on from its own tokens in the fresh generation, handling again (idempotently) the few events
 * the rebuild had read past them and telling live subscribers of them. A failure before the switch leaves the active
 * generation answering as before and drops what the rebuild filled.
 */
final class RebuildRun implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RebuildRun.class);
    private static final long POLL_MILLIS = 50;

    /** What every rebuild works with. */
    record Support(ProjectionGenerations generations, EventProcessingConfiguration processing,
                   EventStorageEngine log, TokenStore tokens, TransactionManager transactions,
                   LongSupplier storedEvents, Duration timeLimit) {
    }

    private final RebuildableProjection projection;
    private final Support support;
    private final String processorName;
    private final int generation;
    private final Instant startedAt = Instant.now();
    private final long startedNanos = System.nanoTime();
    private final AtomicLong eventsDone = new AtomicLong();
    /** The first failure of the rebuild's handlers: the processor would retry it for ever, the rebuild stops. */
    private final AtomicReference<Throwable> handlerFailure = new AtomicReference<>();
    private volatile RebuildProgress.State state = RebuildProgress.State.REPLAYING;
    private volatile long endedNanos;
    private volatile Instant endedAt;
    private volatile String failure;

    RebuildRun(RebuildableProjection projection, Support support) {
        this.projection = projection;
        this.support = support;
        this.processorName = projection.name() + "-rebuild";
        this.generation = support.generations().active(projection.name()) + 1;
    }

    boolean running() {
        return state == RebuildProgress.State.REPLAYING || state == RebuildProgress.State.SWITCHING;
    }

    long eventsDone() {
        return eventsDone.get();
    }

    /**
     * The events the log holds: while the rebuild runs, the database's estimate (never fewer than read), which may
     * count a few of appends that never became part of the log; once switched over, the events read through its head.
     */
    long eventsTotal() {
        return eventsTotal(state);
    }

    private long eventsTotal(RebuildProgress.State seen) {
        return seen == RebuildProgress.State.SWITCHED ? eventsDone.get()
                : Math.max(eventsDone.get(), support.storedEvents().getAsLong());
    }

    double eventsPerSecond() {
        double seconds = ((endedAt == null ? System.nanoTime() : endedNanos) - startedNanos) / 1e9;
        return seconds <= 0 ? 0 : eventsDone.get() / seconds;
    }

    /** One snapshot: the state is read once, so a rebuild switching meanwhile is not shown switched with a total of before. */
    RebuildProgress progress() {
        RebuildProgress.State seen = state;
        long done = eventsDone();
        long total = eventsTotal(seen);
        double rate = eventsPerSecond();
        Long eta = seen == RebuildProgress.State.REPLAYING && rate > 0 ? (long) Math.ceil((total - done) / rate)
                : null;
        return new RebuildProgress(projection.name(), seen, support.generations().active(projection.name()),
                generation, done, total, Math.round(rate * 10) / 10.0, eta, startedAt, endedAt, failure);
    }

    @Override
    public void run() {
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(
                runnable -> new Thread(runnable, processorName + "-coordinator"));
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
                runnable -> new Thread(runnable, processorName + "-worker"));
        // The log read from storage on a stream of the rebuild's own, with no cache shared with the serving
        // processors: every event is read and deserialised as stored, and the cache of recent events stays theirs.
        EmbeddedEventStore storage = EmbeddedEventStore.builder().storageEngine(support.log())
                .optimizeEventConsumption(false).build();
        PooledStreamingEventProcessor rebuild = null;
        try {
            // made first: the instance asks for its collections, so they are known before any is dropped
            Object handlers = projection.instance().apply(
                    support.generations().filling(projection.name(), generation));
            support.generations().dropAllButActive(projection.name());
            deleteTokens();
            rebuild = processor(handlers, storage, coordinator, worker);
            rebuild.start();
            long deadline = System.nanoTime() + support.timeLimit().toNanos();
            PooledStreamingEventProcessor started = rebuild;
            await(() -> caughtUp(started), deadline, "catch up with the head of the log");
            switchOver(rebuild, deadline);
            end(RebuildProgress.State.SWITCHED);
            log.info("Rebuilt the {} projection into generation {} from {} events", projection.name(), generation,
                    eventsDone.get());
            deleteTokens();
        } catch (RuntimeException | InterruptedException e) {
            if (state == RebuildProgress.State.SWITCHED) {
                log.warn("The {} projection was switched over; its rebuild's tokens stay until its next rebuild",
                        projection.name(), e);
            } else {
                fail(rebuild, e);
            }
        } finally {
            storage.shutDown();
            coordinator.shutdownNow();
            worker.shutdownNow();
        }
    }

    /**
     * Pauses the serving processor, lets the rebuild pass every position it had reached, and makes the fresh
     * generation active; the serving processor restarts in any case, on whichever generation is active then.
     */
    private void switchOver(PooledStreamingEventProcessor rebuild, long deadline) throws InterruptedException {
        state = RebuildProgress.State.SWITCHING;
        StreamingEventProcessor serving = support.processing()
                .eventProcessor(projection.name(), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + projection.name()));
        serving.shutDown();
        try {
            long served = servedThrough();
            await(() -> position(rebuild) >= served, deadline, "pass position " + served + " of the log");
            rebuild.shutDown();
            failIfHandlerFailed();
            // the rebuild applied every event, those parked for the old generation too: none is left to retry
            support.processing().deadLetterQueue(projection.name())
                    .ifPresent(SequencedDeadLetterQueue::clear);
            support.generations().activate(projection.name(), generation);
        } finally {
            serving.start();
        }
    }

    private PooledStreamingEventProcessor processor(Object handlers, EmbeddedEventStore storage,
                                                    ScheduledExecutorService coordinator,
                                                    ScheduledExecutorService worker) {
        return PooledStreamingEventProcessor.builder()
                .name(processorName)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handlers)
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                .errorHandler(context -> {
                    handlerFailure.compareAndSet(null, context.error());
                    throw context.error() instanceof Exception e ? e : new IllegalStateException(context.error());
                })
                .messageSource(new CountedLog(storage, eventsDone))
                .tokenStore(support.tokens())
                .transactionManager(support.transactions())
                .coordinatorExecutor(coordinator)
                .workerExecutor(worker)
                .initialSegmentCount(1)
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(RebuildableProjection.BATCH_SIZE)
                .build();
    }

    /** Stops the rebuild and drops what it filled; only then is it shown as failed. */
    private void fail(PooledStreamingEventProcessor rebuild, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = handlerFailure.get() != null ? handlerFailure.get() : e;
        log.warn("The rebuild of the {} projection failed; generation {} answers as before", projection.name(),
                support.generations().active(projection.name()), cause);
        try {
            if (rebuild != null) {
                rebuild.shutDown();
            }
            deleteTokens();
            support.generations().dropAllButActive(projection.name());
        } catch (RuntimeException cleanup) {
            log.warn("What the failed rebuild of {} filled stays until its next rebuild", projection.name(), cleanup);
        }
        failure = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        end(RebuildProgress.State.FAILED);
    }

    /** The rate stops with the rebuild, and its end is shown with the state that says how it ended. */
    private void end(RebuildProgress.State ending) {
        endedNanos = System.nanoTime();
        endedAt = Instant.now();
        state = ending;
    }

    private void await(BooleanSupplier condition, long deadline, String what) throws InterruptedException {
        while (true) {
            failIfHandlerFailed();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The rebuild did not " + what + " within " + support.timeLimit());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private void failIfHandlerFailed() {
        Throwable failed = handlerFailure.get();
        if (failed != null) {
            throw new IllegalStateException("A handler of the rebuild failed", failed);
        }
    }

    private static boolean caughtUp(StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        return !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
    }

    /** The position every segment of the processor has read through, or -1 before it has read. */
    private static long position(StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        return segments.isEmpty() ? -1 : segments.stream()
                .mapToLong(status -> position(status.getTrackingToken())).min().orElse(-1);
    }

    /** The furthest position any segment of the paused serving processor had read through, from its tokens. */
    private long servedThrough() {
        String name = projection.name();
        TokenStore tokens = support.tokens();
        return support.transactions().fetchInTransaction(() -> {
            long furthest = -1;
            for (int segment : tokens.fetchSegments(name)) {
                furthest = Math.max(furthest, position(tokens.fetchToken(name, segment)));
                tokens.releaseClaim(name, segment);
            }
            return furthest;
        });
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /** Deletes the rebuild processor's tokens; a token is deleted by the node holding its claim, so each is claimed. */
    private void deleteTokens() {
        TokenStore tokens = support.tokens();
        support.transactions().executeInTransaction(() -> {
            for (int segment : tokens.fetchSegments(processorName)) {
                tokens.fetchToken(processorName, segment);
                tokens.deleteToken(processorName, segment);
            }
        });
    }
}
