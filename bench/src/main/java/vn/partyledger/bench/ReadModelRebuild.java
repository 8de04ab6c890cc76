package vn.partyledger.bench;

import com.mongodb.client.MongoClient;
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
import vn.partyledger.query.roster.FullMembersOverTime;
import vn.partyledger.query.statistics.MembershipStatisticsProjection;
import vn.partyledger.query.tree.OrganisationTreeProjection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Rebuilds sets of read models from a log into a database of their own, each read model through its own Axon pooled
 * streaming processor with the segments (one worker thread each) and batch size given — a rebuild's (RebuildRun), or
 * application.yml's serving processors' — and Axon's Mongo token store behind the batching token store of ADR 0038;
 * and streams the log through the engine alone for the rate a rebuild is compared with. The sets: {@code noop} (a processor whose handler writes nothing: engine
 * and processor alone); each read model alone, as an administrator rebuilds one (ADR 0037): {@code roster},
 * {@code tree}, {@code due}, {@code recruitment}, {@code party-age}, {@code losses}; and {@code all} (the six at once,
 * six processors each reading the log).
 */
public final class ReadModelRebuild {

    /** The segment counts of application.yml. */
    private static final Map<String, Integer> APPLICATION_SEGMENTS = Map.of(
            BranchRosterProjection.PROCESSING_GROUP, 4, OrganisationTreeProjection.PROCESSING_GROUP, 2,
            DueListProjection.PROCESSING_GROUP, 2, RecruitmentProjection.PROCESSING_GROUP, 2,
            PartyAgeProjection.PROCESSING_GROUP, 2, MembershipStatisticsProjection.PROCESSING_GROUP, 2);

    private final Serializer serializer;
    private final int segments;
    private final int processorBatchSize;
    private final WorkingDayCalendar calendar = PublishedCalendarFile.read(
            List.of(new ClassPathResource("calendar/vietnam-public-service-calendar.json")));
    private int rebuilds;

    /** {@code segments} 0: as application.yml, else that many for every processor. */
    public ReadModelRebuild(Serializer serializer, int segments, int processorBatchSize) {
        this.serializer = serializer;
        this.segments = segments;
        this.processorBatchSize = processorBatchSize;
    }

    /** The engine's own rate: the whole log from the tail, every payload deserialized; each event's position kept. */
    public static Streamed stream(MongoEventStorageEngine engine) {
        long start = System.nanoTime();
        long[][] positions = {new long[1024]};
        int[] events = {0};
        engine.readEvents(null, false).filter(event -> event.getPayload() != null).forEach(event -> {
            if (events[0] == positions[0].length) {
                positions[0] = Arrays.copyOf(positions[0], positions[0].length * 2);
            }
            positions[0][events[0]++] = event.trackingToken().position().orElseThrow();
        });
        double seconds = BenchSupport.seconds(System.nanoTime() - start);
        return new Streamed(events[0] / seconds, Arrays.copyOf(positions[0], events[0]));
    }

    /** What the engine streamed: its rate, and every event's position in order, which a rebuild must reach. */
    public record Streamed(double rate, long[] positions) {

        public long events() {
            return positions.length;
        }

        public long lastPosition() {
            return positions[positions.length - 1];
        }

        /** The position of the event that ends the first {@code fraction} of the log. */
        public long positionAt(double fraction) {
            return positions[(int) Math.max(0, Math.ceil(fraction * positions.length) - 1)];
        }

        /** How many events lie at or before a position. */
        long eventsUpTo(long position) {
            int index = Arrays.binarySearch(positions, position);
            return index >= 0 ? index + 1 : -index - 1;
        }
    }

    /**
     * How long a rebuild took to pass each of {@code milestones} (positions of the log, ascending), in seconds, NaN
     * for one not reached within {@code limit}; and how many events every processor had read when it stopped.
     */
    public record Rebuilt(double[] secondsAt, long eventsRead, boolean complete) {
    }

    /**
     * Rebuilds a set of read models from the tail into a database of their own, with their tokens, until every
     * segment of every processor has passed the last milestone or the limit came.
     */
    public Rebuilt rebuild(MongoClient client, String databasePrefix, MongoEventStorageEngine engine,
                           String projection, Streamed log, long[] milestones, Duration limit)
            throws InterruptedException {
        MongoDatabase readModels = client.getDatabase(databasePrefix + "_rebuild_" + rebuilds++);
        // as a rebuild reads the log (RebuildRun): on a stream of its own, without the cache of recent events
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine)
                .optimizeEventConsumption(false).build();
        ProjectionBatchTokenStore tokens = new ProjectionBatchTokenStore(MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(readModels).build())
                .serializer(serializer)
                .build());
        List<Rebuilding> processors = new ArrayList<>();
        double[] secondsAt = new double[milestones.length];
        Arrays.fill(secondsAt, Double.NaN);
        long start = System.nanoTime();
        try {
            readModels(projection, readModels).forEach((name, handler) ->
                    processors.add(Rebuilding.start(name, handler, eventStore, tokens,
                            segments == 0 ? APPLICATION_SEGMENTS.getOrDefault(name, 1) : segments,
                            processorBatchSize)));
            long deadline = start + limit.toNanos();
            int next = 0;
            while (next < milestones.length && System.nanoTime() < deadline) {
                long reached = processors.stream().mapToLong(Rebuilding::reached).min().orElse(-1);
                while (next < milestones.length && reached >= milestones[next]) {
                    secondsAt[next++] = BenchSupport.seconds(System.nanoTime() - start);
                }
                Thread.sleep(5);
            }
            long reached = processors.stream().mapToLong(Rebuilding::reached).min().orElse(-1);
            return new Rebuilt(secondsAt, log.eventsUpTo(reached), next == milestones.length);
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
            case "tree" -> handlers.put(OrganisationTreeProjection.PROCESSING_GROUP,
                    new OrganisationTreeProjection(database));
            case "due" -> handlers.put(DueListProjection.PROCESSING_GROUP, dueList(database,
                    new OrganisationTreeProjection(database)));
            case "recruitment" -> handlers.put(RecruitmentProjection.PROCESSING_GROUP, recruitment(database,
                    new OrganisationTreeProjection(database), roster(database)));
            case "party-age" -> handlers.put(PartyAgeProjection.PROCESSING_GROUP, new PartyAgeProjection(database));
            case "losses" -> handlers.put(MembershipStatisticsProjection.PROCESSING_GROUP,
                    new MembershipStatisticsProjection(database));
            case "all" -> {
                BranchRosterProjection roster = roster(database);
                OrganisationTreeProjection tree = new OrganisationTreeProjection(database);
                handlers.put(BranchRosterProjection.PROCESSING_GROUP, roster);
                handlers.put(OrganisationTreeProjection.PROCESSING_GROUP, tree);
                handlers.put(DueListProjection.PROCESSING_GROUP, dueList(database, tree));
                handlers.put(RecruitmentProjection.PROCESSING_GROUP, recruitment(database, tree, roster));
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

    /**
     * Recruitment as the application builds it; the tree and the rosters answer only its queries, not asked during a
     * rebuild. The generated log registers no persons: every admission is counted in the UNKNOWN cells.
     */
    private static RecruitmentProjection recruitment(MongoDatabase database, OrganisationTreeProjection tree,
                                                     BranchRosterProjection roster) {
        return new RecruitmentProjection(database, tree::handle, roster::handle,
                (personId, date, knownAt) -> Optional.empty(), new SmallCellSuppression(5),
                SimpleQueryUpdateEmitter.builder().build());
    }

    /** The application's emitter with no live roster following: what a rebuild pays for telling them. */
    private static BranchRosterProjection roster(MongoDatabase database) {
        return BranchRosterProjection.filling(database);
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

        /** The position every segment has read up to, -1 until every segment has claimed its token. */
        long reached() {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            return status.size() < segments ? -1 : status.values().stream()
                    .mapToLong(segment -> segment.getCurrentPosition().orElse(-1)).min().orElse(-1);
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
