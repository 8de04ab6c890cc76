package vn.partyledger.query.batch;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays a log through a projection behind a real pooled processor, as the application runs them: one segment, from
 * the tail, its writes batched by {@link ProjectionBatchTokenStore} over {@code tokens}, until {@code atHead} says the
 * stored token has reached the last event.
 */
public final class PooledReplay {

    private PooledReplay() {
    }

    public static void replay(List<EventMessage<?>> log, EventHandlerInvoker handlers, TokenStore tokens,
                              LongPredicate atHead) throws InterruptedException {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        engine.appendEvents(log);
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
        // the worker starts once the coordinator has had time to hand it the whole log, so batches are full
        CountDownLatch handedOver = new CountDownLatch(1);
        worker.execute(() -> awaitQuietly(handedOver));
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name("replay")
                .eventHandlerInvoker(handlers)
                .messageSource(eventStore)
                .tokenStore(new ProjectionBatchTokenStore(tokens))
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(worker)
                .initialSegmentCount(1)
                .tokenClaimInterval(20)
                .batchSize(1000)
                .build();
        try {
            processor.start();
            Thread.sleep(200);
            handedOver.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!atHead.test(log.size() - 1)) {
                assertThat(System.nanoTime()).as("the processor reached the head in time").isLessThan(deadline);
                Thread.sleep(10);
            }
        } finally {
            processor.shutDown();
            eventStore.shutDown();
            coordinator.shutdownNow();
            worker.shutdownNow();
        }
    }

    /** The documents of {@code collections}, each sorted by {@code _id}, as a replay left them. */
    public static List<Document> documents(MongoDatabase database, List<String> collections) {
        List<Document> documents = new ArrayList<>();
        for (String collection : collections) {
            List<Document> stored = database.getCollection(collection).find().into(new ArrayList<>());
            stored.sort(Comparator.comparing(document -> document.get("_id").toString()));
            documents.addAll(stored);
        }
        return documents;
    }

    /** Hands every event of the log to {@code projection} one by one, outside any unit of work (so writes go at once). */
    public static void handleOneByOne(Object projection, List<EventMessage<?>> log) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        log.forEach(event -> handle(handlers, event));
    }

    /**
     * Hands every event of the log to {@code projection} one by one, each in a unit of work of its own, as a subscribing
     * processor would: for a projection that reads the event's sequence number from its unit of work.
     */
    public static void handleEachInItsOwnUnitOfWork(Object projection, List<EventMessage<?>> log) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        log.forEach(event -> DefaultUnitOfWork.startAndGet(event).execute(() -> handle(handlers, event)));
    }

    private static void handle(AnnotationEventHandlerAdapter handlers, EventMessage<?> event) {
        try {
            handlers.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the latest of {@code stored} tokens is at or past {@code position}. */
    public static boolean reached(List<TrackingToken> stored, long position) {
        return !stored.isEmpty() && stored.get(stored.size() - 1).position().orElse(-1) >= position;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * An in-memory token store that notes a count of stored documents whenever a token is stored, and, if asked, fails
     * the first time as a crash between a batch's writes and its token would.
     */
    public static final class TokenProbe extends InMemoryTokenStore {
        private final AtomicBoolean failFirst;
        private final LongSupplier counted;
        private volatile boolean failed;
        private final List<TrackingToken> stored = new CopyOnWriteArrayList<>();
        private final List<Long> countsWhenStored = new CopyOnWriteArrayList<>();

        public TokenProbe(boolean failFirst, LongSupplier counted) {
            this.failFirst = new AtomicBoolean(failFirst);
            this.counted = counted;
        }

        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            countsWhenStored.add(counted.getAsLong());
            if (failFirst.getAndSet(false)) {
                failed = true;
                throw new IllegalStateException("crash before the token is stored");
            }
            super.storeToken(token, processorName, segment);
            stored.add(token);
        }

        public boolean atHead(long position) {
            return reached(stored, position);
        }

        /** Whether storing the first token failed, as asked. */
        public boolean failed() {
            return failed;
        }

        public List<TrackingToken> stored() {
            return stored;
        }

        /** The count taken as each token was about to be stored, in order. */
        public List<Long> countsWhenStored() {
            return countsWhenStored;
        }
    }
}
