package vn.partyledger.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.serialization.Serializer;
import org.springframework.core.io.ClassPathResource;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.member.RecruitmentPolicy;
import vn.partyledger.domain.recruitment.SmallCellSuppression;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.infra.calendar.PublishedCalendarFile;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;
import vn.partyledger.query.batch.ProjectionBatchTokenStore;
import vn.partyledger.query.due.DueListProjection;
import vn.partyledger.query.partyage.PartyAgeProjection;
import vn.partyledger.query.recruitment.RecruitmentProjection;
import vn.partyledger.query.roster.BranchRosterProjection;
import vn.partyledger.query.statistics.MembershipStatisticsProjection;
import vn.partyledger.query.roster.FullMembersOverTime;
import vn.partyledger.query.tree.OrganisationTreeProjection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static vn.partyledger.bench.BenchSupport.DATABASE;
import static vn.partyledger.bench.BenchSupport.intSetting;
import static vn.partyledger.bench.BenchSupport.listSetting;
import static vn.partyledger.bench.BenchSupport.seconds;

/**
 * How fast the read models are rebuilt from the log on the embedded mongo-java-server, against how fast the engine
 * alone streams the same log (issue 11 item 10, ADR 0038).
 * <p>
 * For each backend (H2 MVStore file in a temporary directory, as the application, and the memory backend), fills the
 * store through {@link MongoEventStorageEngine} with the application's own events ({@link LogFiller}: 1,000 branches
 * founded, then members admitted, each losing contact and having it restored). At each size (100,000, then 1,000,000
 * stored events) it reads the whole log once through the engine alone ({@code readEvents} from the tail, payloads
 * deserialized: the raw stream rate), then rebuilds each set of read models from the tail into an empty database,
 * each read model through its own Axon pooled streaming processor as the application runs them (the segments of
 * application.yml, one worker thread per segment, batches of 100, Axon's Mongo token store behind the batching token
 * store of ADR 0038), until every segment's token has reached the head. The sets: {@code noop} (a processor whose
 * handler writes nothing: engine and processor alone), {@code roster} (the branch roster alone), {@code due} (the due
 * list alone) and {@code all} (roster, organisation tree, due list, recruitment, party age and losses at once, six
 * processors each reading the log). It prints each rate, its ratio to the raw stream rate, and per set the rate at the
 * largest size over the rate at the smallest.
 * <p>
 * The application's dead-letter queues are left out: a rebuild's events are all applicable, and the queue of the
 * roster answers from its cache. Settings (system properties, or environment variables as {@code BENCH_SIZES}, which is
 * how they reach the JVM that exec:exec forks): {@code bench.sizes} ({@code 100000,1000000}), {@code bench.backends}
 * ({@code h2,memory}), {@code bench.projections} ({@code noop,roster,all}; {@code due} on request), {@code bench.branches} (1000), {@code
 * bench.eventsPerAppend} (100), {@code bench.changesPerMember} (2), {@code bench.segments} (0: as application.yml,
 * else that many for every processor), {@code bench.processorBatchSize} (100), {@code bench.engineBatchSize} (100, the
 * engine's read batch), {@code bench.h2CacheMb} (256, as the application).
 * <p>
 * Run: {@code ./mvnw -q -B -pl bench -am -DskipTests package exec:exec -Dbench.main=vn.partyledger.bench.ReplayBenchmark}
 */
public final class ReplayBenchmark {

    /** The segment counts of application.yml. */
    private static final Map<String, Integer> APPLICATION_SEGMENTS = Map.of(
            BranchRosterProjection.PROCESSING_GROUP, 4, OrganisationTreeProjection.PROCESSING_GROUP, 2,
            DueListProjection.PROCESSING_GROUP, 2, RecruitmentProjection.PROCESSING_GROUP, 2,
            PartyAgeProjection.PROCESSING_GROUP, 2, MembershipStatisticsProjection.PROCESSING_GROUP, 2);

    private final int branches;
    private final int eventsPerAppend;
    private final int changesPerMember;
    private final int segments;
    private final int engineBatchSize;
    private final int processorBatchSize;
    private final Serializer serializer = BenchSupport.serializer();
    private final WorkingDayCalendar calendar = PublishedCalendarFile.read(
            List.of(new ClassPathResource("calendar/vietnam-public-service-calendar.json")));
    private int rebuilds;

    private ReplayBenchmark() {
        this.branches = intSetting("bench.branches", 1000);
        this.eventsPerAppend = intSetting("bench.eventsPerAppend", 100);
        this.changesPerMember = intSetting("bench.changesPerMember", 2);
        this.segments = intSetting("bench.segments", 0);
        this.engineBatchSize = intSetting("bench.engineBatchSize", 100);
        this.processorBatchSize = intSetting("bench.processorBatchSize", 100);
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietLogging();
        List<Long> sizes = listSetting("bench.sizes", "100000,1000000").stream().map(Long::parseLong).sorted()
                .toList();
        List<String> projections = listSetting("bench.projections", "noop,roster,all");
        ReplayBenchmark benchmark = new ReplayBenchmark();
        System.out.printf(Locale.ROOT, "Rebuild benchmark: MongoEventStorageEngine on mongo-java-server (engine read "
                        + "batch %d), %d branches, appends of %d events, %d changes per member, processor batch %d, "
                        + "segments %s, %d cores, load average %.2f, Java %s%n",
                benchmark.engineBatchSize, benchmark.branches, benchmark.eventsPerAppend, benchmark.changesPerMember,
                benchmark.processorBatchSize, benchmark.segments == 0 ? "as application.yml" : benchmark.segments,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"));
        for (String backend : listSetting("bench.backends", "h2,memory")) {
            try (BenchSupport.EmbeddedStore store = BenchSupport.startStore(backend)) {
                Map<String, List<Double>> rates = benchmark.run(store, sizes, projections);
                rates.forEach((projection, perSize) -> {
                    if (perSize.size() >= 2) {
                        System.out.printf(Locale.ROOT, "[%s] %-6s rate at %,d stored / at %,d stored = %.2f%n",
                                store.label(), projection, sizes.get(sizes.size() - 1), sizes.get(0),
                                perSize.get(perSize.size() - 1) / perSize.get(0));
                    }
                });
            }
        }
    }

    /** Fills and rebuilds size by size; returns, per set of read models (and "stream"), its rate at each size. */
    private Map<String, List<Double>> run(BenchSupport.EmbeddedStore store, List<Long> sizes, List<String> projections)
            throws InterruptedException {
        String label = store.label();
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        try (MongoClient client = MongoClients.create(store.server().connectionString())) {
            MongoEventStorageEngine engine = engine(client.getDatabase(DATABASE));
            LogFiller filler = new LogFiller(engine, branches, eventsPerAppend, changesPerMember);
            boolean warmedUp = false;
            for (long size : sizes) {
                long toAdd = size - filler.appended();
                long fillStart = System.nanoTime();
                filler.fillTo(size);
                double fillSeconds = seconds(System.nanoTime() - fillStart);
                System.out.printf(Locale.ROOT, "[%s] fill   %,9d events: %7.1f s %,8.0f events/s (%,d stored, %,d "
                                + "members)%s%n", label, toAdd, fillSeconds, toAdd / fillSeconds, size,
                        filler.membersIn(size), storeFileSize(store.server().storeFile()));
                if (!warmedUp) {
                    double warmUp = rebuild(client, engine, projections.get(0), stream(engine, size));
                    System.out.printf(Locale.ROOT, "[%s] warm-up stream and rebuild of %s: %.1f s (not counted)%n",
                            label, projections.get(0), warmUp);
                    warmedUp = true;
                }
                Streamed streamed = stream(engine, size);
                double streamRate = streamed.rate();
                rates.computeIfAbsent("stream", key -> new ArrayList<>()).add(streamRate);
                System.out.printf(Locale.ROOT, "[%s] stream %,9d events: %,8.0f events/s (engine only: readEvents "
                        + "from the tail, payloads deserialized)%n", label, size, streamRate);
                for (String projection : projections) {
                    double rate = size / rebuild(client, engine, projection, streamed);
                    rates.computeIfAbsent(projection, key -> new ArrayList<>()).add(rate);
                    System.out.printf(Locale.ROOT, "[%s] %-6s %,9d events: %,8.0f events/s = %3.0f %% of the stream "
                            + "rate%n", label, projection, size, rate, 100 * rate / streamRate);
                }
            }
        }
        return rates;
    }

    private static String storeFileSize(Path storeFile) {
        if (storeFile == null) {
            return "";
        }
        try {
            return String.format(Locale.ROOT, "; store file %,d MB", Files.size(storeFile) / (1024 * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MongoEventStorageEngine engine(MongoDatabase database) {
        return BenchSupport.engine(database, serializer, engineBatchSize);
    }

    /** The engine's own rate: the whole log from the tail, every payload deserialized. */
    private Streamed stream(MongoEventStorageEngine engine, long expected) {
        long start = System.nanoTime();
        long[] events = {0, -1};
        engine.readEvents(null, false).filter(event -> event.getPayload() != null).forEach(event -> {
            events[0]++;
            events[1] = event.trackingToken().position().orElseThrow();
        });
        double rate = events[0] / seconds(System.nanoTime() - start);
        if (events[0] != expected) {
            throw new IllegalStateException("Streamed " + events[0] + " of " + expected + " events");
        }
        return new Streamed(rate, events[1], events[0]);
    }

    /** What the engine streamed: its rate, and the position of the last event, which a rebuild must reach. */
    private record Streamed(double rate, long lastPosition, long events) {
    }

    /**
     * Rebuilds a set of read models from the tail into a database of their own, with their tokens; returns the
     * seconds until every segment of every processor has read the whole log.
     */
    private double rebuild(MongoClient client, MongoEventStorageEngine engine, String projection, Streamed log)
            throws InterruptedException {
        MongoDatabase readModels = client.getDatabase(DATABASE + "_rebuild_" + rebuilds++);
        // as a rebuild reads the log (RebuildRun): on a stream of its own, without the cache of recent events
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine)
                .optimizeEventConsumption(false).build();
        ProjectionBatchTokenStore tokens = new ProjectionBatchTokenStore(MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(readModels).build())
                .serializer(serializer)
                .build());
        List<Rebuilding> processors = new ArrayList<>();
        long start = System.nanoTime();
        try {
            readModels(projection, readModels).forEach((name, handler) ->
                    processors.add(Rebuilding.start(name, handler, eventStore, tokens,
                            segments == 0 ? APPLICATION_SEGMENTS.getOrDefault(name, 1) : segments,
                            processorBatchSize)));
            long deadline = start + TimeUnit.MINUTES.toNanos(60);
            while (!processors.stream().allMatch(processor -> processor.reached(log.lastPosition()))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Rebuild of " + projection + " stalled before " + log.events());
                }
                Thread.sleep(5);
            }
            return seconds(System.nanoTime() - start);
        } finally {
            processors.forEach(Rebuilding::stop);
            eventStore.shutDown();
            readModels.drop();
        }
    }

    /** The event handler objects of a set of read models, by processing group, writing to {@code database}. */
    private Map<String, Object> readModels(String projection, MongoDatabase database) {
        Map<String, Object> handlers = new LinkedHashMap<>();
        switch (projection) {
            case "noop" -> handlers.put("noop", new NoOpProjection());
            case "roster" -> handlers.put(BranchRosterProjection.PROCESSING_GROUP, roster(database));
            case "due" -> handlers.put(DueListProjection.PROCESSING_GROUP, dueList(database,
                    new OrganisationTreeProjection(database)));
            case "all" -> {
                BranchRosterProjection roster = roster(database);
                OrganisationTreeProjection tree = new OrganisationTreeProjection(database);
                handlers.put(BranchRosterProjection.PROCESSING_GROUP, roster);
                handlers.put(OrganisationTreeProjection.PROCESSING_GROUP, tree);
                handlers.put(DueListProjection.PROCESSING_GROUP, dueList(database, tree));
                // the generated log registers no persons: every admission is counted in the UNKNOWN cells
                handlers.put(RecruitmentProjection.PROCESSING_GROUP, new RecruitmentProjection(database,
                        tree::handle, roster::handle, (personId, date, knownAt) -> Optional.empty(),
                        new SmallCellSuppression(5),
                        SimpleQueryUpdateEmitter.builder().build()));
                handlers.put(PartyAgeProjection.PROCESSING_GROUP, new PartyAgeProjection(database));
                handlers.put(MembershipStatisticsProjection.PROCESSING_GROUP,
                        new MembershipStatisticsProjection(database));
            }
            default -> throw new IllegalArgumentException("Unknown set of read models " + projection);
        }
        return handlers;
    }

    /**
     * The due list as the application builds it; its queries, the only readers of {@code tree} and the rosters, are
     * not asked during a rebuild.
     */
    private DueListProjection dueList(MongoDatabase database, OrganisationTreeProjection tree) {
        FullMembersOverTime fullMembers = new FullMembersOverTime(database);
        return new DueListProjection(database, calendar, AdmissionPolicy.DEFAULTS, RecruitmentPolicy.DEFAULTS,
                tree::handle, fullMembers::belowSince, SimpleQueryUpdateEmitter.builder().build());
    }

    /** The application's emitter with no live roster following: what a rebuild pays for telling them. */
    private static BranchRosterProjection roster(MongoDatabase database) {
        return new BranchRosterProjection(database, SimpleQueryUpdateEmitter.builder().build());
    }

    /** One processor rebuilding one read model, with its coordinator and its workers. */
    private record Rebuilding(PooledStreamingEventProcessor processor, int segments,
                              ScheduledExecutorService coordinator, ScheduledExecutorService workers) {

        static Rebuilding start(String name, Object handler, EmbeddedEventStore eventStore,
                                ProjectionBatchTokenStore tokens, int segments, int batchSize) {
            ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
            ScheduledExecutorService workers = Executors.newScheduledThreadPool(segments);
            PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                    .name(name)
                    .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                    .messageSource(eventStore)
                    .tokenStore(tokens)
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .coordinatorExecutor(coordinator)
                    .workerExecutor(workers)
                    .initialSegmentCount(segments)
                    .batchSize(batchSize)
                    .build();
            processor.start();
            return new Rebuilding(processor, segments, coordinator, workers);
        }

        boolean reached(long lastPosition) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            return status.size() == segments && status.values().stream()
                    .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= lastPosition);
        }

        void stop() {
            processor.shutDown();
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }

    /** Handles every event and writes nothing: separates the cost of the read models from the rest. */
    public static final class NoOpProjection {
        @org.axonframework.eventhandling.EventHandler
        public void on(Object event) {
            // measuring engine + processor only
        }
    }
}
