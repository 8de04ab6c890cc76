package vn.partyledger.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.serialization.Serializer;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;
import vn.partyledger.infra.rebuild.RebuildableProjection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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
 * each read model through its own Axon pooled streaming processor as an administrator's rebuild runs it (RebuildRun:
 * one segment, batches of {@link RebuildableProjection#BATCH_SIZE}, Axon's Mongo token store behind the batching
 * token store of ADR 0038), until every segment's token has reached the head. The sets: {@code noop} (a processor
 * whose handler writes nothing: engine and processor alone), {@code roster} (the branch roster alone), each other read
 * model alone on request ({@code tree}, {@code due}, {@code recruitment}, {@code party-age}, {@code losses}) and
 * {@code all} (roster, organisation tree, due list, recruitment, party age and losses at once, six processors each
 * reading the log). Before the first size is measured, each set runs {@code bench.warmUps} times, not counted, so
 * that no set is measured while the JIT still compiles its code. It prints each rate, its ratio to the raw stream
 * rate, and per set the rate at the largest size over the rate at the smallest.
 * <p>
 * The application's dead-letter queues are left out: a rebuild's events are all applicable, and the queue of the
 * roster answers from its cache. Settings (system properties, or environment variables as {@code BENCH_SIZES}, which is
 * how they reach the JVM that exec:exec forks): {@code bench.sizes} ({@code 100000,1000000}), {@code bench.backends}
 * ({@code h2,memory}), {@code bench.projections} ({@code noop,roster,all}; any set of {@link ReadModelRebuild} on
 * request), {@code bench.branches} (1000), {@code bench.eventsPerAppend} (100), {@code bench.changesPerMember} (2),
 * {@code bench.segments} (1, as a rebuild; 0: as application.yml's serving processors, else that many for every
 * processor), {@code bench.processorBatchSize} ({@value RebuildableProjection#BATCH_SIZE}, as a rebuild),
 * {@code bench.engineBatchSize} (100, the engine's read batch), {@code bench.h2CacheMb} (256, as the application),
 * {@code bench.repeats} (3: the stream and each rebuild run that many times at each size, and the median is taken),
 * {@code bench.warmUps} (3: the rebuilds of each set before the first size is measured).
 * <p>
 * Run: {@code ./mvnw -q -B -pl bench -am -DskipTests package exec:exec -Dbench.main=vn.partyledger.bench.ReplayBenchmark}
 */
public final class ReplayBenchmark {

    private final int branches;
    private final int eventsPerAppend;
    private final int changesPerMember;
    private final int segments;
    private final int engineBatchSize;
    private final int processorBatchSize;
    private final int repeats;
    private final int warmUps;
    private final Serializer serializer = BenchSupport.serializer();
    private final ReadModelRebuild rebuild;

    private ReplayBenchmark() {
        this.branches = intSetting("bench.branches", 1000);
        this.eventsPerAppend = intSetting("bench.eventsPerAppend", 100);
        this.changesPerMember = intSetting("bench.changesPerMember", 2);
        this.segments = intSetting("bench.segments", 1);
        this.engineBatchSize = intSetting("bench.engineBatchSize", 100);
        this.processorBatchSize = intSetting("bench.processorBatchSize", RebuildableProjection.BATCH_SIZE);
        this.repeats = intSetting("bench.repeats", 3);
        this.warmUps = intSetting("bench.warmUps", 3);
        if (repeats < 1) {
            throw new IllegalArgumentException("bench.repeats must be at least 1: each figure is the median of its runs");
        }
        this.rebuild = new ReadModelRebuild(serializer, segments, processorBatchSize);
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietLogging();
        List<Long> sizes = listSetting("bench.sizes", "100000,1000000").stream().map(Long::parseLong).sorted()
                .toList();
        List<String> projections = listSetting("bench.projections", "noop,roster,all");
        ReplayBenchmark benchmark = new ReplayBenchmark();
        System.out.printf(Locale.ROOT, "Rebuild benchmark: MongoEventStorageEngine on mongo-java-server (engine read "
                        + "batch %d), %d branches, appends of %d events, %d changes per member, processor batch %d, "
                        + "segments %s, each figure the median of %d runs, %d cores, load average %.2f, Java %s%n",
                benchmark.engineBatchSize, benchmark.branches, benchmark.eventsPerAppend, benchmark.changesPerMember,
                benchmark.processorBatchSize, benchmark.segments == 0 ? "as application.yml" : benchmark.segments,
                benchmark.repeats,
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
                    // each set a few times, so that no set is measured while the JIT is still compiling its code:
                    // after one warm-up the roster's first runs at 100,000 stored were a third slower than its later ones
                    ReadModelRebuild.Streamed warmUpStream = stream(engine, size);
                    for (String projection : projections) {
                        List<String> warmUps = new ArrayList<>();
                        for (int run = 0; run < this.warmUps; run++) {
                            warmUps.add(String.format(Locale.ROOT, "%.1f s",
                                    rebuild(client, engine, projection, warmUpStream)));
                        }
                        System.out.printf(Locale.ROOT, "[%s] warm-up rebuilds of %s: %s (not counted)%n",
                                label, projection, String.join(" / ", warmUps));
                    }
                    warmedUp = true;
                }
                ReadModelRebuild.Streamed streamed = null;
                List<Double> streamRates = new ArrayList<>();
                List<Double> streamCpus = new ArrayList<>();
                for (int run = 0; run < repeats; run++) {
                    long cpu = BenchSupport.processCpuNanos();
                    streamed = stream(engine, size);
                    streamCpus.add((BenchSupport.processCpuNanos() - cpu) / 1e3 / size);
                    streamRates.add(streamed.rate());
                }
                double streamRate = median(streamRates);
                double streamCpu = median(streamCpus);
                rates.computeIfAbsent("stream", key -> new ArrayList<>()).add(streamRate);
                System.out.printf(Locale.ROOT, "[%s] stream %,9d events: %,8.0f events/s, CPU %5.1f µs/event (engine "
                        + "only: readEvents from the tail, payloads deserialized)%s%n", label, size, streamRate,
                        streamCpu, runs(streamRates));
                for (String projection : projections) {
                    List<Double> projectionRates = new ArrayList<>();
                    List<Double> cpus = new ArrayList<>();
                    for (int run = 0; run < repeats; run++) {
                        long cpu = BenchSupport.processCpuNanos();
                        projectionRates.add(size / rebuild(client, engine, projection, streamed));
                        cpus.add((BenchSupport.processCpuNanos() - cpu) / 1e3 / size);
                    }
                    double rate = median(projectionRates);
                    double cpu = median(cpus);
                    rates.computeIfAbsent(projection, key -> new ArrayList<>()).add(rate);
                    System.out.printf(Locale.ROOT, "[%s] %-6s %,9d events: %,8.0f events/s = %3.0f %% of the stream "
                                    + "rate, CPU %5.1f µs/event = %3.0f %% of the stream's%s%n", label, projection,
                            size, rate, 100 * rate / streamRate, cpu, 100.0 * cpu / streamCpu, runs(projectionRates));
                }
            }
        }
        return rates;
    }

    /** The middle run's figure: one run of a few seconds is moved a lot by a collection or another process. */
    private static double median(List<Double> figures) {
        List<Double> sorted = figures.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String runs(List<Double> rates) {
        return rates.size() < 2 ? "" : rates.stream().map(rate -> String.format(Locale.ROOT, "%,.0f", rate))
                .collect(Collectors.joining(" / ", "; median of runs at ", " events/s"));
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

    /** The engine's own rate over the whole log, which must hold every event filled. */
    private static ReadModelRebuild.Streamed stream(MongoEventStorageEngine engine, long expected) {
        ReadModelRebuild.Streamed streamed = ReadModelRebuild.stream(engine);
        if (streamed.events() != expected) {
            throw new IllegalStateException("Streamed " + streamed.events() + " of " + expected + " events");
        }
        return streamed;
    }

    /** The seconds until every segment of every processor of the set has read the whole log. */
    private double rebuild(MongoClient client, MongoEventStorageEngine engine, String projection,
                           ReadModelRebuild.Streamed log) throws InterruptedException {
        ReadModelRebuild.Rebuilt rebuilt = rebuild.rebuild(client, DATABASE, engine, projection, log,
                new long[] {log.lastPosition()}, Duration.ofMinutes(60));
        if (!rebuilt.complete()) {
            throw new IllegalStateException("Rebuild of " + projection + " stalled before " + log.events());
        }
        return rebuilt.secondsAt()[0];
    }
}
