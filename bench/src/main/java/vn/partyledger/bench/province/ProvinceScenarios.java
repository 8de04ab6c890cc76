package vn.partyledger.bench.province;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.RawBsonDocument;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.partyledger.bench.BenchClient;
import vn.partyledger.bench.BenchSupport;
import vn.partyledger.bench.Percentiles;
import vn.partyledger.bench.Processors;
import vn.partyledger.bench.ReadModelRebuild;
import vn.partyledger.bench.ReadTimer;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;
import vn.partyledger.infra.rebuild.RebuildableProjection;
import vn.partyledger.infra.mongo.EmbeddedMongoServer;
import vn.partyledger.infra.onboarding.ImportReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static vn.partyledger.bench.province.ProvinceReport.round;

/**
 * The scenarios of issue 14 item 2, run in order against one application holding a generated province: load
 * (import), the write path (the history's commands over HTTP with every processor and the Kafka publisher live, and
 * projection lag sampled meanwhile), commands on a long record, reads while the last months of the history are
 * written, heap after load, rebuild of every read model at 10 % and 100 % of the log, and bytes stored per event.
 */
final class ProvinceScenarios {

    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    /** The day the roster is read as of: the eve of the reorganisation, with every old ward still in place. */
    private static final LocalDate PAST = ProvinceShape.REORGANISATION.minusDays(1);

    private final ConfigurableApplicationContext app;
    private final ProvincePlan plan;
    private final ProvinceReport report;
    private final Duration limit;
    private final int writers;
    private final BenchClient client;
    private final Processors processors;

    ProvinceScenarios(ConfigurableApplicationContext app, ProvincePlan plan, ProvinceReport report, Duration limit,
                      int writers) {
        this.app = app;
        this.plan = plan;
        this.report = report;
        this.limit = limit;
        this.writers = writers;
        this.client = new BenchClient(((WebServerApplicationContext) app).getWebServer().getPort());
        this.processors = new Processors(app, limit);
    }

    /** Runs them all; a scenario that cannot run because an earlier one left the province incomplete says so. */
    void run(LocalDate readsFrom, int reads, int longRecordCommands, int lagSampleEvery) throws Exception {
        if (!load()) {
            return;
        }
        HistoryRun.Outcome history = writePath(readsFrom, lagSampleEvery);
        if (history.stopped() || history.refused() > 0) {
            report.scenario("Reads while writes continue", "Not run: the history before it did not complete, so "
                    + "its last months would be refused.").put("outcome", "not run");
        } else {
            readsWhileWriting(readsFrom, reads);
        }
        longRecord(longRecordCommands);
        caughtUp("Caught up after the writes");
        heapAfterLoad();
        ReadModelRebuild.Streamed log = ReadModelRebuild.stream(app.getBean(MongoEventStorageEngine.class));
        rebuild(log);
        storage(log);
    }

    private boolean load() throws InterruptedException {
        Map<String, Object> scenario = report.scenario("Load: the population through the import",
                "The generated import file through the application's own import (FileImport, as the command line "
                        + "and the import benchmark), then until every processor has read the log.");
        long start = System.nanoTime();
        ImportReport imported = BenchSupport.importFile(app, plan.importFile());
        scenario.put("outcome", imported.outcome());
        scenario.put("membersImported", imported.members().imported());
        scenario.put("membersPerSecondWriting", round(imported.membersPerSecond()));
        scenario.put("importSeconds", round(imported.seconds()));
        if (!ImportReport.COMPLETED.equals(imported.outcome())) {
            scenario.put("refusals", imported.refusals().stream().limit(10).map(String::valueOf).toList());
            return false;
        }
        processors.awaitAll();
        scenario.put("secondsFromImportStartUntilEveryProcessorCaughtUp", round((System.nanoTime() - start) / 1e9));
        return true;
    }

    private HistoryRun.Outcome writePath(LocalDate readsFrom, int lagSampleEvery) throws Exception {
        Map<String, Object> scenario = report.scenario("Write path: the history through the commands",
                "Every planned command before " + readsFrom + " over HTTP, each ward's in order, up to "
                        + writers + " wards at once, with every projection and the Kafka publisher live; latency "
                        + "from send to answer. Projection lag: for every " + lagSampleEvery + "th command, from its "
                        + "answer until every read model's processor has read its commit (visible), and until the "
                        + "Kafka publisher has too (published).");
        HistoryRun.Outcome outcome;
        LagProbe.Lags lags;
        try (LagProbe probe = new LagProbe(processors)) {
            outcome = new HistoryRun(client, writers, limit, probe, lagSampleEvery)
                    .run(plan.history(), command -> command.day().isBefore(readsFrom));
            probe.close();
            lags = probe.lags();
        }
        history(scenario, outcome);
        scenario.put("lagVisibleSamples", lags.visibleSamples());
        scenario.put("lagVisibleP50Ms", round(lags.visibleP50Millis()));
        scenario.put("lagVisibleP99Ms", round(lags.visibleP99Millis()));
        scenario.put("lagPublishedSamples", lags.publishedSamples());
        scenario.put("lagPublishedP50Ms", round(lags.publishedP50Millis()));
        scenario.put("lagPublishedP99Ms", round(lags.publishedP99Millis()));
        scenario.put("lagSamplesNotSeenIn120s", lags.notSeenIn120Seconds());
        return outcome;
    }

    private void readsWhileWriting(LocalDate readsFrom, int reads) throws Exception {
        Map<String, Object> scenario = report.scenario("Reads while writes continue",
                "While the history from " + readsFrom + " is written as above, each read " + reads + " times (the "
                        + "province-wide ones " + Math.max(1, reads / 10) + ") one after another over HTTP, after 5 "
                        + "not counted (the province-wide ones 1); p50 and p99 end to end; no read starts after the "
                        + "time limit.");
        HistoryRun writes = new HistoryRun(client, writers, limit, null, 1);
        CompletableFuture<HistoryRun.Outcome> writing = CompletableFuture.supplyAsync(() -> {
            try {
                return writes.run(plan.history(), command -> !command.day().isBefore(readsFrom));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + limit.toNanos();
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("branchRoster", "/api/v1/organisations/" + plan.largestBranchSuccessorId() + "/roster");
        paths.put("branchRosterAsOf" + PAST, "/api/v1/organisations/" + plan.largestBranchId() + "/roster?asOf="
                + PAST);
        paths.put("memberTimeline", "/api/v1/members/" + plan.timelineMemberId() + "/timeline");
        paths.put("provinceDashboardTotals", "/api/v1/organisations/" + ProvincePlanner.PROVINCE + "/roster/totals");
        paths.put("provinceMembershipStatistics", "/api/v1/organisations/" + ProvincePlanner.PROVINCE
                + "/statistics/membership?asOf=" + ProvinceShape.HISTORY_END);
        boolean stopped = false;
        for (Map.Entry<String, String> read : paths.entrySet()) {
            // the province-wide reads sum every branch: a tenth as many, as the query latency benchmark reads them,
            // after one read not counted
            boolean provinceWide = read.getKey().startsWith("province");
            int times = provinceWide ? Math.max(1, reads / 10) : reads;
            ReadTimer.Timed timed = ReadTimer.time(client, read.getValue(), provinceWide ? 1 : 5, times, deadline);
            scenario.put(read.getKey() + "Reads", timed.requests());
            scenario.put(read.getKey() + "P50Ms", round(timed.p50Millis()));
            scenario.put(read.getKey() + "P99Ms", round(timed.p99Millis()));
            scenario.put(read.getKey() + "Statuses", String.valueOf(timed.statuses()));
            stopped |= timed.requests() < times;
        }
        scenario.put("writesStillRunningWhenReadsEnded", !writing.isDone());
        scenario.put("branchRead", plan.largestBranchSuccessorId() + " (before 1 Jul 2025: " + plan.largestBranchId()
                + ")");
        scenario.put("memberRead", plan.timelineMemberId());
        if (stopped) {
            scenario.put("outcome", "stopped at the time limit of " + limit.toMinutes() + " min");
        }
        try {
            Map<String, Object> written = new LinkedHashMap<>();
            history(written, writing.get());
            written.forEach((key, value) -> scenario.put("writes" + Character.toUpperCase(key.charAt(0))
                    + key.substring(1), value));
        } catch (ExecutionException e) {
            throw new IllegalStateException("The writes during the reads failed", e.getCause());
        }
    }

    /** Lost and restored contact of one member, again and again: each command loads a record that keeps growing. */
    private void longRecord(int asked) throws IOException, InterruptedException {
        // one day each, all in the member's branch since 1 Jul 2025: at most as many commands as days since
        int commands = (int) Math.min(asked, ChronoUnit.DAYS.between(ProvinceShape.REORGANISATION,
                ProvinceShape.HISTORY_END) - 2);
        Map<String, Object> scenario = report.scenario("Commands on a long-lived aggregate",
                commands + " commands, one after another, on one member's record (lost contact and restored, "
                        + "one day each, decided by the branch), so every command loads a longer record; latency "
                        + "of the first and the last tenth.");
        String path = "/api/v1/members/" + plan.longLivedMemberId() + "/";
        LocalDate first = ProvinceShape.HISTORY_END.minusDays(commands + 2L);
        List<Long> nanos = new ArrayList<>();
        int refused = 0;
        String lastAnswer = "";
        long deadline = System.nanoTime() + limit.toNanos();
        for (int n = 0; n < commands && System.nanoTime() < deadline; n++) {
            LocalDate day = first.plusDays(n);
            Map<String, Object> decision = Json.decision("LL-" + n + "/NQ", day, plan.longLivedBranchId());
            String body = Json.text(n % 2 == 0 ? Json.object("from", day, "decision", decision)
                                               : Json.object("to", day, "decision", decision));
            long start = System.nanoTime();
            BenchClient.Response response = client.exchange(path + (n % 2 == 0 ? "record-lost-contact"
                                                                                : "record-contact-restored"), body);
            nanos.add(System.nanoTime() - start);
            lastAnswer = response.body();
            if (response.status() / 100 != 2) {
                refused++;
            }
        }
        int tenth = Math.max(1, nanos.size() / 10);
        List<Long> firstTenth = new ArrayList<>(nanos.subList(0, Math.min(tenth, nanos.size())));
        List<Long> lastTenth = new ArrayList<>(nanos.subList(Math.max(0, nanos.size() - tenth), nanos.size()));
        List<Long> all = new ArrayList<>(nanos);
        firstTenth.sort(null);
        lastTenth.sort(null);
        all.sort(null);
        scenario.put("commandsSent", nanos.size());
        scenario.put("refused", refused);
        Matcher version = VERSION.matcher(lastAnswer);
        scenario.put("recordVersionAtEnd", version.find() ? Long.parseLong(version.group(1)) : -1);
        scenario.put("p50Ms", round(Percentiles.millis(all, 0.50)));
        scenario.put("p99Ms", round(Percentiles.millis(all, 0.99)));
        scenario.put("firstTenthP50Ms", round(Percentiles.millis(firstTenth, 0.50)));
        scenario.put("lastTenthP50Ms", round(Percentiles.millis(lastTenth, 0.50)));
        if (refused > 0) {
            scenario.put("lastRefusal", lastAnswer);
        }
        if (nanos.size() < commands) {
            scenario.put("outcome", "stopped at the time limit of " + limit.toMinutes() + " min");
        }
    }

    private void caughtUp(String name) throws InterruptedException {
        Map<String, Object> scenario = report.scenario(name, "Until every processor has read the log's head.");
        long start = System.nanoTime();
        processors.awaitAll();
        scenario.put("seconds", round((System.nanoTime() - start) / 1e9));
    }

    private void heapAfterLoad() {
        Map<String, Object> scenario = report.scenario("Heap after load",
                "Heap in use after a full GC, with the province imported, its history written and every processor "
                        + "caught up; the heap's limit is in the machine table.");
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        scenario.put("heapUsedMb", (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    /**
     * Each read model rebuilt alone, as an administrator rebuilds one named projection (ADR 0058), then the six at once.
     */
    private void rebuild(ReadModelRebuild.Streamed log) throws InterruptedException {
        ReadModelRebuild rebuilds = new ReadModelRebuild(BenchSupport.serializer(), 1, RebuildableProjection.BATCH_SIZE);
        for (String readModel : List.of("roster", "tree", "due", "recruitment", "party-age", "losses")) {
            rebuild(rebuilds, log, readModel, "The " + readModel + " read model alone, through a pooled processor as a "
                    + "rebuild runs it (one segment, batches of " + RebuildableProjection.BATCH_SIZE + "), from the tail "
                    + "of this province's log into an empty database");
        }
        rebuild(rebuilds, log, "all", "Every read model of the rebuild benchmark's 'all' set (roster, tree, due list, "
                + "recruitment, party age, losses) at once, each through its own pooled processor as a rebuild runs "
                + "it, each reading the log, from the tail of this province's log into an empty database");
    }

    private void rebuild(ReadModelRebuild rebuilds, ReadModelRebuild.Streamed log, String readModel, String what)
            throws InterruptedException {
        Map<String, Object> scenario = report.scenario("Rebuild of " + readModel + " at 10 % and 100 % of the data",
                what + "; rate over the first 10 % of the log and over all of it (from the first event read), against "
                        + "the engine's own stream rate.");
        // timed from the first event read, so the processors' start is not charged to the first tenth
        long tenth = (long) Math.ceil(0.1 * log.events());
        ReadModelRebuild.Rebuilt rebuilt = rebuilds.rebuild(app.getBean(MongoClient.class), "party_ledger_province",
                app.getBean(MongoEventStorageEngine.class), readModel, log,
                new long[] {log.positionAt(0), log.positionAt(0.1), log.lastPosition()}, limit);
        double[] at = rebuilt.secondsAt();
        double rateAtTenth = (tenth - 1) / (at[1] - at[0]);
        double rateAtAll = (log.events() - 1) / (at[2] - at[0]);
        scenario.put("eventsInLog", log.events());
        scenario.put("streamEventsPerSecond", round(log.rate()));
        scenario.put("rebuildAt10PercentEventsPerSecond", round(rateAtTenth));
        scenario.put("rebuildAt100PercentEventsPerSecond", round(rateAtAll));
        scenario.put("rateAt100PercentOverRateAt10Percent", Math.round(100 * rateAtAll / rateAtTenth) / 100.0);
        scenario.put("rebuildAt100PercentOfStreamRatePercent", round(100 * rateAtAll / log.rate()));
        scenario.put("secondsUntilFirstEventRead", round(at[0]));
        if (!rebuilt.complete()) {
            scenario.put("outcome", "stopped at the time limit of " + limit.toMinutes() + " min");
            scenario.put("eventsReadWhenStopped", rebuilt.eventsRead());
            scenario.put("rateWhenStoppedEventsPerSecond", round(rebuilt.eventsRead() / (double) limit.toSeconds()));
        }
    }

    private void storage(ReadModelRebuild.Streamed log) throws IOException {
        Map<String, Object> scenario = report.scenario("Bytes stored per event",
                "The log's commit documents as BSON (events and their commit), per event; and the embedded store's "
                        + "file (the log, the read models, tokens and indexes) per event.");
        MongoDatabase database = app.getBean(MongoDatabase.class);
        long bytes = 0;
        long events = 0;
        // in batches: the embedded server would otherwise answer with every commit in one reply
        for (RawBsonDocument commit : database.getCollection("event_commits", RawBsonDocument.class).find()
                .batchSize(50)) {
            bytes += commit.getByteBuffer().remaining();
            events += commit.getArray("events").size();
        }
        scenario.put("eventsInCommits", events);
        scenario.put("eventsStreamed", log.events());
        scenario.put("commitBsonBytesPerEvent", round(bytes / (double) events));
        Path storeFile = app.getBean(EmbeddedMongoServer.class).storeFile();
        if (storeFile != null) {
            long fileBytes = Files.size(storeFile);
            scenario.put("storeFileMb", fileBytes >> 20);
            scenario.put("storeFileBytesPerEvent", round(fileBytes / (double) events));
        }
    }

    /** A history run's figures into a scenario. */
    private void history(Map<String, Object> scenario, HistoryRun.Outcome outcome) {
        scenario.put("commandsPlanned", outcome.planned());
        scenario.put("commandsSent", outcome.sent());
        scenario.put("seconds", round(outcome.seconds()));
        scenario.put("commandsPerSecond", round(outcome.perSecond()));
        scenario.put("p50Ms", round(outcome.p50Millis()));
        scenario.put("p99Ms", round(outcome.p99Millis()));
        scenario.put("wardsWrittenAtOnce", outcome.writersAtOnce());
        scenario.put("refused", outcome.refused());
        if (outcome.refused() > 0) {
            scenario.put("refusedByKind", String.valueOf(outcome.refusals()));
            scenario.put("firstRefusals", outcome.problems());
        }
        if (outcome.stopped()) {
            scenario.put("outcome", "stopped at the time limit of " + limit.toMinutes() + " min after "
                    + outcome.sent() + " of " + outcome.planned() + " commands");
        }
    }
}
