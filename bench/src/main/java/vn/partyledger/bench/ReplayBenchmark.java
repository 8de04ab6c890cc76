package vn.partyledger.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.serialization.Serializer;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;
import vn.partyledger.query.roster.BranchRosterProjection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static vn.partyledger.bench.BenchSupport.DATABASE;
import static vn.partyledger.bench.BenchSupport.intSetting;
import static vn.partyledger.bench.BenchSupport.listSetting;
import static vn.partyledger.bench.BenchSupport.seconds;
import static vn.partyledger.bench.BenchSupport.setting;

/**
 * Replay benchmark of {@link MongoEventStorageEngine} on the embedded mongo-java-server.
 * <p>
 * For each backend (H2 MVStore file in a temporary directory, and the memory backend), fills the store through the
 * engine with member-admission-like events spread over ~1,000 branches, and at each size (10,000, then 100,000
 * stored events) replays everything from the tail through a real Axon PooledStreamingEventProcessor into a Mongo
 * projection that updates one document per branch by {@code _id}. Prints fill and replay rates; the point is that
 * the replay rate does not depend on the size of the store.
 * <p>
 * System properties: {@code bench.sizes} (default {@code 10000,100000}), {@code bench.backends} (default
 * {@code h2,memory}), {@code bench.branches} (default 1000), {@code bench.engineBatchSize} (default 100),
 * {@code bench.processorBatchSize} (default 100), {@code bench.h2CacheMb} (MVStore page cache; default 256 MB,
 * as the application opens it), {@code bench.projection} ({@code roster}, the default, or
 * {@code noop} to measure engine and processor without projection writes); each may also be given as an environment variable
 * ({@code BENCH_SIZES=2000,5000}), which is how they reach the JVM that exec:exec forks.
 * <p>
 * Run: {@code ./mvnw -q -B -pl bench -am -DskipTests package exec:exec -Dbench.main=vn.partyledger.bench.ReplayBenchmark}
 */
public final class ReplayBenchmark {

    private static final String PROJECTION_COLLECTION = BranchRosterProjection.COLLECTION;

    private final Function<MongoDatabase, Object> projectionFactory;
    private final int branches;
    private final int engineBatchSize;
    private final int processorBatchSize;
    private final Serializer serializer;

    /**
     * @param projectionFactory makes the Axon event handler object (annotated {@code @EventHandler} methods) to
     *                          replay into, given the database it may write to; called once per replay
     */
    public ReplayBenchmark(Function<MongoDatabase, Object> projectionFactory, int branches, int engineBatchSize,
                           int processorBatchSize) {
        this.projectionFactory = projectionFactory;
        this.branches = branches;
        this.engineBatchSize = engineBatchSize;
        this.processorBatchSize = processorBatchSize;
        this.serializer = BenchSupport.serializer();
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietLogging();
        List<Integer> sizes = listSetting("bench.sizes", "10000,100000").stream()
                                    .map(Integer::parseInt).sorted().toList();
        List<String> backends = listSetting("bench.backends", "h2,memory");
        String projection = setting("bench.projection", "roster");
        Function<MongoDatabase, Object> projectionFactory = switch (projection) {
            // the application's emitter with no live roster following: what a replay pays for telling them
            case "roster" -> database -> new BranchRosterProjection(database,
                    SimpleQueryUpdateEmitter.builder().build());
            case "noop" -> database -> new NoOpProjection();
            default -> throw new IllegalArgumentException("Unknown projection " + projection);
        };
        ReplayBenchmark benchmark = new ReplayBenchmark(projectionFactory,
                                                        intSetting("bench.branches", 1000),
                                                        intSetting("bench.engineBatchSize", 100),
                                                        intSetting("bench.processorBatchSize", 100));
        System.out.printf(Locale.ROOT, "Replay benchmark: MongoEventStorageEngine on mongo-java-server, Axon "
                                  + "PooledStreamingEventProcessor (1 segment, batch %d) into the %s projection, "
                                  + "engine batch %d, %d branches, %d cores, Java %s%n",
                          benchmark.processorBatchSize, projection, benchmark.engineBatchSize, benchmark.branches,
                          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (String backend : backends) {
            try (BenchSupport.EmbeddedStore store = BenchSupport.startStore(backend)) {
                List<Result> results = benchmark.run(store.label(), store.server().connectionString(),
                                                     store.server().storeFile(), sizes);
                if (results.size() >= 2) {
                    Result smallest = results.get(0);
                    Result largest = results.get(results.size() - 1);
                    System.out.printf(Locale.ROOT, "[%s] replay rate at %,d stored / at %,d stored = %.2f%n",
                                      store.label(), largest.stored, smallest.stored,
                                      largest.replayRate() / smallest.replayRate());
                }
            }
        }
    }

    /**
     * Fills and replays on the (empty) server at {@code uri}, size by size; returns one result per size. With a store
     * file, its size after each fill is printed too: every append is its own synced commit.
     */
    public List<Result> run(String label, String uri, Path storeFile, List<Integer> sizes)
            throws InterruptedException {
        List<Result> results = new ArrayList<>();
        try (MongoClient writerClient = MongoClients.create(uri);
             MongoClient readerClient = MongoClients.create(uri)) {
            MongoDatabase writerDatabase = writerClient.getDatabase(DATABASE);
            MongoDatabase readerDatabase = readerClient.getDatabase(DATABASE);
            MongoEventStorageEngine writer = engine(writerDatabase);
            Filler filler = new Filler(writer, branches);
            boolean warmedUp = false;
            for (int size : sizes) {
                int toAdd = size - filler.appended;
                long fillStart = System.nanoTime();
                filler.fill(toAdd);
                double fillSeconds = seconds(System.nanoTime() - fillStart);
                System.out.printf(Locale.ROOT, "[%s] fill   %,9d events: %7.1f s %,8.0f events/s "
                                          + "(one writer, one event per append; %,d stored)%n",
                                  label, toAdd, fillSeconds, toAdd / fillSeconds, filler.appended);
                if (storeFile != null) {
                    System.out.printf(Locale.ROOT, "[%s] store file %,d MB after %,d stored events%n", label,
                                      storeFileBytes(storeFile) / (1024 * 1024), filler.appended);
                }
                if (!warmedUp) {
                    Replay warmUp = replay(readerDatabase, size);
                    System.out.printf(Locale.ROOT, "[%s] warm-up replay of %,d events: %.1f s (not counted)%n",
                                      label, size, warmUp.seconds);
                    warmedUp = true;
                }
                long rawStart = System.nanoTime();
                long rawEvents = engine(readerDatabase).readEvents(null, false)
                                                       .filter(event -> event.getPayload() != null).count();
                double rawSeconds = seconds(System.nanoTime() - rawStart);
                System.out.printf(Locale.ROOT, "[%s] stream %,9d events: %7.1f s %,8.0f events/s "
                                          + "(engine only: readEvents from tail, payloads deserialized)%n",
                                  label, rawEvents, rawSeconds, rawEvents / rawSeconds);
                Replay replay = replay(readerDatabase, size);
                Result result = new Result(size, toAdd / fillSeconds, replay.events, replay.seconds);
                results.add(result);
                System.out.printf(Locale.ROOT, "[%s] replay %,9d events: %7.1f s %,8.0f events/s "
                                          + "(from tail, %,d stored; %,d branch documents)%n",
                                  label, replay.events, replay.seconds, result.replayRate(), size,
                                  replay.branchDocuments);
            }
        }
        return results;
    }

    private static long storeFileBytes(Path storeFile) {
        try {
            return Files.size(storeFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MongoEventStorageEngine engine(MongoDatabase database) {
        return BenchSupport.engine(database, serializer, engineBatchSize);
    }

    /** Replays the whole store from the tail into a fresh projection; returns when all events were handled. */
    private Replay replay(MongoDatabase database, long expected) throws InterruptedException {
        // deleteMany rather than drop: dropping a collection that does not exist makes the server log an error
        database.getCollection(PROJECTION_COLLECTION).deleteMany(new org.bson.Document());
        database.getCollection(BranchRosterProjection.ENTRIES).deleteMany(new org.bson.Document());
        database.getCollection(BranchRosterProjection.OVERLAYS).deleteMany(new org.bson.Document());
        MongoEventStorageEngine reader = engine(database);
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(reader).build();
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
        AtomicLong handled = new AtomicLong();
        PooledStreamingEventProcessor processor =
                PooledStreamingEventProcessor.builder()
                                             .name("bench-replay")
                                             .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                                                                           .eventHandlers(projectionFactory.apply(database))
                                                                                           .build())
                                             .messageSource(eventStore)
                                             .tokenStore(new InMemoryTokenStore())
                                             .transactionManager(NoTransactionManager.INSTANCE)
                                             .coordinatorExecutor(coordinator)
                                             .workerExecutor(worker)
                                             .initialSegmentCount(1)
                                             .batchSize(processorBatchSize)
                                             .build();
        processor.registerHandlerInterceptor((unitOfWork, chain) -> {
            Object result = chain.proceed();
            handled.incrementAndGet();
            return result;
        });
        long start = System.nanoTime();
        try {
            processor.start();
            long deadline = start + TimeUnit.MINUTES.toNanos(30);
            while (handled.get() < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Replay stalled at " + handled.get() + " of " + expected);
                }
                Thread.sleep(5);
            }
            double seconds = seconds(System.nanoTime() - start);
            long branchDocuments = database.getCollection(PROJECTION_COLLECTION).countDocuments();
            return new Replay(handled.get(), seconds, branchDocuments);
        } finally {
            processor.shutDown();
            eventStore.shutDown();
            coordinator.shutdownNow();
            worker.shutdownNow();
        }
    }

    /** Measured figures for one store size. */
    public record Result(long stored, double fillRate, long replayed, double replaySeconds) {
        public double replayRate() {
            return replayed / replaySeconds;
        }
    }

    private record Replay(long events, double seconds, long branchDocuments) {
    }

    /** Handles every event and writes nothing: separates the cost of the projection from the rest. */
    public static final class NoOpProjection {
        @org.axonframework.eventhandling.EventHandler
        public void on(Object event) {
            // measuring engine + processor only
        }
    }

    /**
     * Appends the application's own events: first every branch's {@code OrganisationEstablished}, then one
     * {@code MemberAdmitted} per member, spread over the branches, as a ward's history would be.
     */
    private static final class Filler {
        private final MongoEventStorageEngine engine;
        private final int branches;
        private int nextMember;
        private int appended;

        Filler(MongoEventStorageEngine engine, int branches) {
            this.engine = engine;
            this.branches = branches;
        }

        void fill(int count) {
            for (int i = 0; i < count; i++) {
                engine.appendEvents(appended < branches
                        ? LedgerEvents.branchEstablished(appended, appended)
                        : LedgerEvents.memberAdmitted(nextMember++, branches, appended));
                appended++;
            }
        }
    }
}
