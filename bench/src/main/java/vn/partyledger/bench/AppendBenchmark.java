package vn.partyledger.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import vn.partyledger.infra.checkpoint.CheckpointProperties;
import vn.partyledger.infra.checkpoint.CheckpointRecorder;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static vn.partyledger.bench.BenchSupport.DATABASE;
import static vn.partyledger.bench.BenchSupport.intSetting;
import static vn.partyledger.bench.BenchSupport.listSetting;
import static vn.partyledger.bench.BenchSupport.seconds;

/**
 * Append benchmark of {@link MongoEventStorageEngine} on the embedded mongo-java-server: how many commands' events
 * the log takes per second, and how long a command waits for its append.
 * <p>
 * One append is one command's events, written with one {@code appendEvents(List)} call as Axon does at the end of a
 * unit of work. For each backend (H2 MVStore file, the application's default, then memory), each number of concurrent
 * writers and each mode, the writers append for a warm-up period, then for a timed period; each writer appends to
 * aggregates no other writer touches, so no append is refused by the concurrency check. Modes: {@code new} starts a new
 * member's stream per append ({@code MemberAdmitted} first), {@code existing} continues streams the writer started
 * before the warm-up ({@value #STREAMS_PER_WRITER} each, in turn). The writers share one engine and one client, as
 * the application's command handlers do. Prints appends/s, events/s and the p50/p99 latency of one append.
 * <p>
 * Settings (environment variables, or the same names as system properties in lower case with dots, e.g.
 * {@code bench.events.per.append}): {@code BENCH_BACKENDS} (default {@code h2,memory}), {@code BENCH_WRITERS}
 * ({@code 1,8}), {@code BENCH_MODES} ({@code new,existing}), {@code BENCH_EVENTS_PER_APPEND} ({@code 1}),
 * {@code BENCH_WARMUP_SECONDS} ({@code 5}), {@code BENCH_SECONDS} ({@code 10}), {@code BENCH_BRANCHES}
 * ({@code 1000}), {@code BENCH_H2CACHEMB} ({@code 256}, as the application), {@code BENCH_CHECKPOINTS} ({@code off};
 * {@code off,on} measures the cost of the checkpoint recorder following the log, each on a fresh store). Each line
 * ends with the machine's one-minute load average: other processes on the machine skew the figures.
 * <p>
 * Run: {@code ./mvnw -q -B -pl bench -am -DskipTests package exec:exec -Dbench.main=vn.partyledger.bench.AppendBenchmark}
 */
public final class AppendBenchmark {

    /** Enough streams that appends spread over many aggregates, as commands do, not one hot stream. */
    private static final int STREAMS_PER_WRITER = 100;

    private final MongoEventStorageEngine engine;
    private final int eventsPerAppend;
    private final int branches;
    /** Member numbers are handed out across writers, so every stream has exactly one writer. */
    private final AtomicInteger nextMember = new AtomicInteger();
    /** Numbers the appends for their metadata (request id, actor, business date). */
    private final AtomicLong nextAppend = new AtomicLong();

    private AppendBenchmark(MongoEventStorageEngine engine, int eventsPerAppend, int branches) {
        this.engine = engine;
        this.eventsPerAppend = eventsPerAppend;
        this.branches = branches;
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietLogging();
        List<String> backends = listSetting("bench.backends", "h2,memory");
        List<Integer> writerCounts = listSetting("bench.writers", "1,8").stream().map(Integer::parseInt).toList();
        List<String> modes = listSetting("bench.modes", "new,existing");
        int eventsPerAppend = intSetting("bench.events.per.append", 1);
        int warmUpSeconds = intSetting("bench.warmup.seconds", 5);
        int timedSeconds = intSetting("bench.seconds", 10);
        int branches = intSetting("bench.branches", 1000);
        System.out.printf(Locale.ROOT, "Append benchmark: MongoEventStorageEngine on mongo-java-server, %d event(s) "
                        + "per append, %d s warm-up + %d s timed per case, %d cores, Java %s%n",
                eventsPerAppend, warmUpSeconds, timedSeconds, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        Serializer serializer = BenchSupport.serializer();
        for (String checkpoints : listSetting("bench.checkpoints", "off")) {
            for (String backend : backends) {
                try (BenchSupport.EmbeddedStore store = BenchSupport.startStore(backend);
                     MongoClient client = MongoClients.create(store.server().connectionString())) {
                    // 100 is Axon's default read batch, as the application runs; appends do not use it
                    MongoEventStorageEngine engine = BenchSupport.engine(client.getDatabase(DATABASE), serializer,
                                                                         100);
                    try (Follower follower = Follower.start(checkpoints, engine, client)) {
                        AppendBenchmark benchmark = new AppendBenchmark(engine, eventsPerAppend, branches);
                        for (int writers : writerCounts) {
                            for (String mode : modes) {
                                Writer[] team = benchmark.writers(writers, mode);
                                benchmark.run(team, warmUpSeconds);
                                Run run = benchmark.run(team, timedSeconds);
                                System.out.printf(Locale.ROOT, "[%s] checkpoints %-3s %-8s %d writer(s): %,8d "
                                                + "appends in %5.1f s %,7.0f appends/s %,7.0f events/s  latency p50 "
                                                + "%6.2f ms p99 %6.2f ms%s (1-min load %.2f)%n",
                                        store.label(), checkpoints, mode, writers, run.appends(), run.seconds(),
                                        run.appendRate(), run.appendRate() * eventsPerAppend,
                                        run.percentileMillis(0.50), run.percentileMillis(0.99),
                                        follower.progress(benchmark.nextAppend.get() * eventsPerAppend),
                                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * With {@code on}, the checkpoint recorder follows the log on its own thread as the application runs it (ADR
     * 0043: a pass every second, a checkpoint every 1,000 events, unsigned, nothing published), sharing the store with
     * the writers; with {@code off}, nothing does.
     */
    private static final class Follower implements AutoCloseable {

        private final ScheduledExecutorService thread;
        private final AtomicLong treeSize = new AtomicLong();

        private Follower(ScheduledExecutorService thread) {
            this.thread = thread;
        }

        static Follower start(String checkpoints, MongoEventStorageEngine engine, MongoClient client) {
            if (!checkpoints.equals("on")) {
                return new Follower(null);
            }
            CheckpointProperties settings = new CheckpointProperties(true, 1_000, Duration.ofSeconds(60),
                                                                     Duration.ofSeconds(1), 500, "unused", (short) 1,
                                                                     null, null);
            CheckpointRecorder recorder = CheckpointRecorder.following(engine, client.getDatabase(DATABASE),
                                                                       settings, Clock.systemUTC(), checkpoint -> { });
            Follower follower = new Follower(Executors.newSingleThreadScheduledExecutor());
            follower.thread.scheduleWithFixedDelay(() -> follower.treeSize.set(recorder.catchUp()), 0, 1,
                                                   TimeUnit.SECONDS);
            return follower;
        }

        /** How far the tree has followed the log of {@code appended} events, when a recorder runs. */
        String progress(long appended) {
            return thread == null ? "" : String.format(Locale.ROOT, ", tree %,d of %,d events", treeSize.get(),
                                                       appended);
        }

        @Override
        public void close() throws InterruptedException {
            if (thread != null) {
                thread.shutdownNow();
                thread.awaitTermination(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Writers for one case; in {@code existing} mode each first starts its streams (not measured). */
    private Writer[] writers(int count, String mode) {
        Writer[] writers = new Writer[count];
        for (int i = 0; i < count; i++) {
            writers[i] = switch (mode) {
                case "new" -> new Writer(null);
                case "existing" -> new Writer(startStreams());
                default -> throw new IllegalArgumentException("Unknown mode " + mode);
            };
        }
        return writers;
    }

    private MemberStream[] startStreams() {
        MemberStream[] streams = new MemberStream[STREAMS_PER_WRITER];
        for (int i = 0; i < streams.length; i++) {
            streams[i] = new MemberStream(nextMember.getAndIncrement());
            engine.appendEvents(streams[i].next(eventsPerAppend));
        }
        return streams;
    }

    /**
     * Lets every writer append until {@code seconds} have passed, all starting together. The elapsed time runs until
     * the last writer's last append returned, so appends that end after the deadline are paid for.
     */
    private Run run(Writer[] writers, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<long[]>> latencies = new ArrayList<>();
            long startNanos = System.nanoTime();
            long deadline = startNanos + seconds * 1_000_000_000L;
            for (Writer writer : writers) {
                latencies.add(pool.submit(() -> {
                    start.await();
                    return writer.appendUntil(deadline);
                }));
            }
            start.countDown();
            List<long[]> perWriter = new ArrayList<>();
            for (Future<long[]> future : latencies) {
                perWriter.add(future.get());
            }
            double elapsed = seconds(System.nanoTime() - startNanos);
            long[] all = perWriter.stream().flatMapToLong(LongStream::of).sorted().toArray();
            return new Run(all, elapsed);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One writer thread's aggregates: fresh ones ({@code streams == null}) or its own existing streams in turn. */
    private final class Writer {
        private final MemberStream[] streams;
        private int turn;

        Writer(MemberStream[] streams) {
            this.streams = streams;
        }

        /** Appends one command's events after another until the deadline; returns each append's nanoseconds. */
        long[] appendUntil(long deadline) {
            LongStream.Builder latencies = LongStream.builder();
            while (System.nanoTime() < deadline) {
                MemberStream stream = streams == null
                        ? new MemberStream(nextMember.getAndIncrement())
                        : streams[turn++ % streams.length];
                List<EventMessage<?>> events = stream.next(eventsPerAppend);
                long before = System.nanoTime();
                engine.appendEvents(events);
                latencies.add(System.nanoTime() - before);
            }
            return latencies.build().toArray();
        }
    }

    /** A member's stream as one writer extends it: admission at sequence 0, then contact lost and restored. */
    private final class MemberStream {
        private final int member;
        private long nextSequence;

        MemberStream(int member) {
            this.member = member;
        }

        List<EventMessage<?>> next(int count) {
            long n = nextAppend.getAndIncrement();
            List<EventMessage<?>> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long sequence = nextSequence++;
                events.add(sequence == 0
                        ? LedgerEvents.memberAdmitted(member, branches, n)
                        : LedgerEvents.contactChange(member, sequence, branches, n));
            }
            return events;
        }
    }

    /** One timed period: every append's latency in nanoseconds, sorted, and the elapsed seconds. */
    private record Run(long[] latencies, double seconds) {
        long appends() {
            return latencies.length;
        }

        double appendRate() {
            return latencies.length / seconds;
        }

        /** Nearest rank. */
        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p * latencies.length);
            return latencies[Math.max(rank, 1) - 1] / 1e6;
        }
    }
}
