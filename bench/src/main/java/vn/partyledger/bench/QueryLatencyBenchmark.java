package vn.partyledger.bench;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.partyledger.infra.onboarding.ImportReport;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * What the read side answers in, with a province loaded and commands arriving (issue 11 item 10, ADR 0038): the whole
 * application is started in this JVM on its default durable backend, a province of {@code BENCH_MEMBERS} members
 * (default 300,000) in branches of {@code BENCH_MEMBERSPERBRANCH} (default 100), 20 branches to a ward, is imported as
 * {@link ImportBenchmark} imports it; once every processor and the checkpoint recorder have caught up, the province's
 * roster totals are read once and its membership statistics until they answer (the first reads work out every branch's
 * counts and read every person's stream, ADR 0055, 0056; a statistics read stopped at the handler's time limit answers
 * 503 and the next goes on from what it kept), and then, while a client records lost and restored contact of members
 * at {@code BENCH_COMMANDSPERSECOND} (default 5; 0 for none), another reads over HTTP one after another: a branch's
 * roster, one member's timeline again and again (an auditor paging through a record), a timeline of a member drawn at
 * random each read (an auditor going from member to member), a ward's roster totals, the province's roster totals (the
 * province dashboard's headcount) and its membership statistics (a thirtieth of the requests). Every read is first
 * made in turn, untimed, at least {@code BENCH_WARMUPS} times (default 200) and then until the JIT's compiling takes
 * under 5 % of the time, for at most {@code BENCH_WARMUPSECONDS} (default 600), so that the JIT compiling the read
 * path is not timed as its latency; then each is timed alone, printing p50 and p99 in milliseconds end to end, the
 * statuses seen, the JIT's compiling time meanwhile, and the times a watcher thread woke over 5 ms late
 * ({@link Stalls}: a paused JVM, a stopped machine, or no core free). Settings: {@code BENCH_REQUESTS} per read
 * (default 300; the province's totals a tenth of it), {@code BENCH_BACKEND} ({@code h2}, or {@code memory}),
 * {@code BENCH_WORKERS} and {@code BENCH_BATCHSIZE} for the import (4 and 50).
 * <p>
 * Run: {@code ./mvnw -q -B -pl bench -am -DskipTests package exec:exec
 * -Dbench.main=vn.partyledger.bench.QueryLatencyBenchmark}
 */
public final class QueryLatencyBenchmark {

    /** How long the first statistics read is tried again while it answers 503. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    /** Warm-up rounds between two looks at the JIT's compiling. */
    private static final int WARM_UP_BLOCK = 100;

    /** The share of a warm-up block's time spent compiling under which the JIT counts as done with the reads. */
    private static final int QUIET_PERCENT = 5;

    private QueryLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietLogging();
        int members = BenchSupport.intSetting("bench.members", 300_000);
        int membersPerBranch = BenchSupport.intSetting("bench.membersPerBranch", 100);
        int requests = BenchSupport.intSetting("bench.requests", 300);
        int commandsPerSecond = BenchSupport.intSetting("bench.commandsPerSecond", 5);
        String backend = BenchSupport.setting("bench.backend", "h2");
        Path dataDir = Files.createTempDirectory("party-ledger-latency-bench");
        try (ConfigurableApplicationContext app = BenchSupport.startApplication(dataDir, ImportBenchmark.USER,
                "{noop}" + ImportBenchmark.PASSWORD, ImportBenchmark.PROVINCE, Map.of("server.port", "0",
                        "partyledger.mongodb.embedded.backend", backend,
                        "partyledger.import.workers", BenchSupport.setting("bench.workers", "4"),
                        "partyledger.import.batch-size", BenchSupport.setting("bench.batchSize", "50")))) {
            ImportReport report = BenchSupport.importFile(app, ImportBenchmark.province(members, membersPerBranch));
            System.out.printf("query latency, %s backend, %,d members imported (%s, %.0f members/s) in branches of %d, "
                            + "%d commands/s arriving, %d cores, load average %.2f, heap at most %,d MB%n", backend,
                    report.members().imported(), report.outcome(), report.membersPerSecond(), membersPerBranch,
                    commandsPerSecond, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().maxMemory() >> 20);
            long importEnded = System.nanoTime();
            Processors processors = new Processors(app, Duration.ofMinutes(30));
            processors.awaitAll();
            System.out.printf("every processor caught up %.1f s after the import's end%n",
                    (System.nanoTime() - importEnded) / 1e9);
            processors.awaitCheckpointTree();
            System.out.printf("the checkpoint recorder's tree caught up %.1f s after the import's end%n",
                    (System.nanoTime() - importEnded) / 1e9);
            BenchClient client = new BenchClient(((WebServerApplicationContext) app).getWebServer().getPort());
            int branches = (members + membersPerBranch - 1) / membersPerBranch;
            String provinceTotals = "/api/v1/organisations/" + ImportBenchmark.PROVINCE + "/roster/totals";
            String provinceStatistics = "/api/v1/organisations/" + ImportBenchmark.PROVINCE
                    + "/statistics/membership";
            firstRead(client, "the province's roster totals", provinceTotals);
            untilAnswered(client, "the province's membership statistics, first read after the import",
                    provinceStatistics);
            Commands commands = new Commands(client, members, membersPerBranch, branches);
            commands.start(commandsPerSecond);
            try {
                String timelines = "/api/v1/members/%s/timeline";
                Random anyMember = new Random(members);
                List<Read> reads = List.of(
                        new Read("branch roster (" + membersPerBranch + " members)",
                                each("/api/v1/organisations/" + LedgerEvents.branchId(0) + "/roster"), requests),
                        new Read("member timeline, one member", each(timelines.formatted(LedgerEvents.memberId(1))),
                                requests),
                        new Read("member timeline, a member each read",
                                read -> timelines.formatted(LedgerEvents.memberId(anyMember.nextInt(members))),
                                requests),
                        new Read("ward roster totals (20 branches)",
                                each("/api/v1/organisations/" + ImportBenchmark.wardId(0) + "/roster/totals"),
                                requests),
                        new Read("province roster totals (" + branches + " branches)", each(provinceTotals),
                                Math.max(1, requests / 10)),
                        new Read("province membership statistics", each(provinceStatistics),
                                Math.max(1, requests / 30)));
                warmUp(client, reads, BenchSupport.intSetting("bench.warmUps", 200),
                        Duration.ofSeconds(BenchSupport.intSetting("bench.warmUpSeconds", 600)));
                System.out.println("read                                 requests  p50 ms  p99 ms  statuses  "
                        + "JIT compiling ms  wake-ups over 5 ms late: count, latest, sum ms");
                try (Stalls stalls = new Stalls()) {
                    for (Read read : reads) {
                        measure(client, read, stalls);
                    }
                }
                LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
                timedRead(client, "the province's membership statistics of the day before, first read",
                        provinceStatistics + "?asOf=" + yesterday);
            } finally {
                commands.stop();
            }
            System.out.println("commands while reading: " + commands.statuses);
        } finally {
            BenchSupport.deleteRecursively(dataDir);
        }
        System.exit(0);
    }

    private static void firstRead(BenchClient client, String label, String path)
            throws IOException, InterruptedException {
        timedRead(client, label + ", first read after the import", path);
    }

    /**
     * Reads again at once while the answer is 503 (a read stopped at the handler's time limit keeps what it worked
     * out, ADR 0057, so each goes on from the last), up to {@link #PATIENCE}: how long until the first answer, and how
     * many reads it took. The timed reads start only after it, so none of them overlaps that work.
     */
    private static void untilAnswered(BenchClient client, String label, String path)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + PATIENCE.toNanos();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int status;
        do {
            status = client.get(path);
            statuses.merge(status, 1, Integer::sum);
        } while (status == 503 && System.nanoTime() < deadline);
        System.out.printf("%s: status %d after %.1f s, reads %s%n", label, status,
                (System.nanoTime() - start) / 1e9, statuses);
    }

    private static void timedRead(BenchClient client, String label, String path)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        int status = client.get(path);
        System.out.printf("%s: %.1f s, status %d%n", label, (System.nanoTime() - start) / 1e9, status);
    }

    /** A read timed: its label, the path of each of its requests, and how many. */
    private record Read(String label, IntFunction<String> paths, int requests) {
    }

    private static IntFunction<String> each(String path) {
        return read -> path;
    }

    /**
     * Every read in turn, commands arriving, before any is timed, in blocks of {@value #WARM_UP_BLOCK} rounds: at
     * least {@code minimumRounds}, then until a block's JIT compiling took under {@value #QUIET_PERCENT} % of its
     * time, or {@code limit} has passed. The first reads of a path run code the JIT has not compiled yet (the import
     * ran other code); a method reaches the optimising compiler only after thousands of calls, and a request's own
     * path (the HTTP client and server, the filters, the query bus) is called once per read, so after 200 rounds the
     * JIT still compiled 1.0-3.5 s during each timed read at 30,000 members, on two cores timed as their latency. A
     * server that has answered for a while has its reads compiled: that is what is timed. How long the warm-up took
     * and how much compiling it saw is printed.
     */
    private static void warmUp(BenchClient client, List<Read> reads, int minimumRounds, Duration limit)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        long compilingBefore = compilingMillis();
        int rounds = 0;
        double lastBlockCompilingPercent;
        do {
            long blockStart = System.nanoTime();
            long blockCompilingBefore = compilingMillis();
            for (int block = 0; block < WARM_UP_BLOCK; block++, rounds++) {
                for (Read read : reads) {
                    client.get(read.paths().apply(rounds));
                }
            }
            lastBlockCompilingPercent = 100.0 * (compilingMillis() - blockCompilingBefore)
                    / ((System.nanoTime() - blockStart) / 1e6);
        } while ((rounds < minimumRounds || lastBlockCompilingPercent >= QUIET_PERCENT)
                && System.nanoTime() - start < limit.toNanos());
        System.out.printf("warm-up: %d rounds of the %d reads, %.1f s, JIT compiling %,d ms, %.1f %% of the last "
                        + "block's time%n", rounds, reads.size(), (System.nanoTime() - start) / 1e9,
                compilingMillis() - compilingBefore, lastBlockCompilingPercent);
    }

    private static void measure(BenchClient client, Read read, Stalls stalls)
            throws IOException, InterruptedException {
        long compilingBefore = compilingMillis();
        stalls.takeSeen();
        ReadTimer.Timed timed = ReadTimer.time(client, read.paths(), 0, read.requests(), Long.MAX_VALUE);
        Stalls.Seen seen = stalls.takeSeen();
        System.out.printf("%-36s %8d  %6.1f  %6.1f  %s  %,d  %d, %.1f, %.0f%n", read.label(), timed.requests(),
                timed.p50Millis(), timed.p99Millis(), timed.statuses(), compilingMillis() - compilingBefore,
                seen.count(), seen.longestMillis(), seen.totalMillis());
    }

    /** The JIT compilers' time so far, summed over their threads. */
    private static long compilingMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** Commands arriving while the reads run, one at a time at a fixed rate ({@link ContactChanges}). */
    private static final class Commands {
        private final ContactChanges changes;
        private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

        Commands(BenchClient client, int members, int membersPerBranch, int branches) {
            if (branches < 2) {
                throw new IllegalArgumentException("the commands need a branch other than the one read");
            }
            this.changes = new ContactChanges(client, members, membersPerBranch);
        }

        /** {@code perSecond} 0 sends none: the reads alone, to tell their own cost from the writes' share. */
        void start(int perSecond) {
            if (perSecond > 0) {
                sender.scheduleAtFixedRate(this::send, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
            }
        }

        void stop() throws InterruptedException {
            sender.shutdown();
            sender.awaitTermination(30, TimeUnit.SECONDS);
        }

        private void send() {
            try {
                statuses.merge(changes.send().status(), 1, Integer::sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
