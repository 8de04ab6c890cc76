package vn.partyledger.infra.eventstore;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * A real Axon PooledStreamingEventProcessor (one segment, in-memory token store) that records every event it
 * handles, in handling order, with the tracking token it came with.
 */
final class TrackingProbe implements AutoCloseable {

    record Delivery(String eventId, String aggregateId, long sequenceNumber, TrackingToken token, Object payload) {
    }

    private final List<Delivery> deliveries = new ArrayList<>();
    private final ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private final PooledStreamingEventProcessor processor;

    TrackingProbe(String name, StreamableMessageSource<TrackedEventMessage<?>> source) {
        EventMessageHandler handler = this::record;
        this.processor = PooledStreamingEventProcessor.builder()
                                                      .name(name)
                                                      .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                                                                                    .eventHandlers(handler)
                                                                                                    .build())
                                                      .messageSource(source)
                                                      .tokenStore(new InMemoryTokenStore())
                                                      .transactionManager(NoTransactionManager.INSTANCE)
                                                      .coordinatorExecutor(coordinator)
                                                      .workerExecutor(worker)
                                                      .initialSegmentCount(1)
                                                      .tokenClaimInterval(50)
                                                      .batchSize(50)
                                                      .build();
    }

    private Object record(EventMessage<?> event) {
        TrackedEventMessage<?> tracked = (TrackedEventMessage<?>) event;
        String aggregateId = null;
        long sequence = -1;
        if (event instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        synchronized (deliveries) {
            deliveries.add(new Delivery(event.getIdentifier(), aggregateId, sequence, tracked.trackingToken(),
                                        event.getPayload()));
        }
        return null;
    }

    TrackingProbe start() {
        processor.start();
        return this;
    }

    PooledStreamingEventProcessor processor() {
        return processor;
    }

    List<Delivery> deliveries() {
        synchronized (deliveries) {
            return new ArrayList<>(deliveries);
        }
    }

    int count() {
        synchronized (deliveries) {
            return deliveries.size();
        }
    }

    /** Position of the processor's single segment, or -1 before it has one. */
    long position() {
        return processor.processingStatus().values().stream()
                        .findFirst()
                        .flatMap(status -> status.getCurrentPosition().isPresent()
                                ? java.util.Optional.of(status.getCurrentPosition().getAsLong())
                                : java.util.Optional.empty())
                        .orElse(-1L);
    }

    static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    void shutDown() {
        processor.shutDown();
    }

    @Override
    public void close() {
        processor.shutDown();
        coordinator.shutdownNow();
        worker.shutdownNow();
    }
}
