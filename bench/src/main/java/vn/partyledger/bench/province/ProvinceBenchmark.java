package vn.partyledger.bench.province;

import org.springframework.context.ConfigurableApplicationContext;
import vn.partyledger.bench.BenchSupport;
import vn.partyledger.bench.ImportBenchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static vn.partyledger.bench.BenchSupport.intSetting;
import static vn.partyledger.bench.BenchSupport.setting;

/**
 * One command for the performance claims (issue 14 item 2): generates a synthetic province ({@link ProvincePlanner}),
 * starts the whole application in this JVM on its default durable backend with its embedded Kafka broker, and runs
 * the scenarios of {@link ProvinceScenarios} against it, writing {@code report.md} and {@code report.json} under
 * {@code bench/results/<name>/}. Settings (system properties, or environment variables as {@code BENCH_MEMBERS}):
 * {@code bench.members} (10,000; 10,000 to 400,000 for a province, 1,000 for a trial), {@code bench.years} of
 * history (3), {@code bench.seed} (14), {@code bench.writers} (wards written at once, 4), {@code bench.readMonths}
 * (the history's last months, written while the reads run: 6), {@code bench.requests} per read (200),
 * {@code bench.longRecordCommands} (400), {@code bench.lagSampleEvery} (10), {@code bench.limitMinutes} per
 * scenario (10), {@code bench.backend} ({@code h2}, or {@code memory}), {@code bench.workers} and
 * {@code bench.batchSize} of the import (4, 50), {@code bench.name} (the results directory's name: the time and
 * size by default).
 * <p>
 * Run: {@code ./mvnw -q -B -pl bench -am -DskipTests package exec:exec
 * -Dbench.main=vn.partyledger.bench.province.ProvinceBenchmark}
 */
public final class ProvinceBenchmark {

    private ProvinceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietLogging();
        ProvinceShape shape = new ProvinceShape(intSetting("bench.members", 10_000), intSetting("bench.years", 3),
                intSetting("bench.seed", 14));
        Duration limit = Duration.ofMinutes(intSetting("bench.limitMinutes", 10));
        int writers = intSetting("bench.writers", 4);
        LocalDate readsFrom = ProvinceShape.HISTORY_END.minusMonths(intSetting("bench.readMonths", 6));
        String backend = setting("bench.backend", "h2");
        String name = setting("bench.name", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"))
                + "-" + shape.members());
        Path results = Path.of(setting("bench.resultsDir", "results")).resolve(name);

        ProvinceReport report = new ProvinceReport("Synthetic province of " + String.format("%,d", shape.members())
                + " members");
        Map<String, Object> settings = report.settings();
        settings.put("members", shape.members());
        settings.put("historyYears", shape.historyYears());
        settings.put("seed", shape.seed());
        settings.put("backend", backend);
        settings.put("wardsWrittenAtOnceAtMost", writers);
        settings.put("readsFrom", readsFrom.toString());
        settings.put("timeLimitPerScenarioMinutes", limit.toMinutes());

        long planning = System.nanoTime();
        ProvincePlan plan = ProvincePlanner.plan(shape);
        Map<String, Object> province = report.province();
        province.put("planSeconds", ProvinceReport.round((System.nanoTime() - planning) / 1e9));
        province.put("wardsBefore1Jul2025", plan.wards());
        province.put("wardsFrom1Jul2025", plan.newWards());
        province.put("branches", plan.branches());
        province.put("historyFrom", shape.historyStart().toString());
        province.put("historyTo", ProvinceShape.HISTORY_END.toString());
        province.put("commandsPlanned", plan.commands());
        plan.commandsByKind().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(kind -> province.put("planned " + kind.getKey(), kind.getValue()));

        Path dataDir = Files.createTempDirectory("party-ledger-province-bench");
        try (ConfigurableApplicationContext app = BenchSupport.startApplication(dataDir, ImportBenchmark.USER,
                "{noop}" + ImportBenchmark.PASSWORD, ProvincePlanner.PROVINCE, Map.of("server.port", "0",
                        "partyledger.mongodb.embedded.backend", backend,
                        "partyledger.import.workers", setting("bench.workers", "4"),
                        "partyledger.import.batch-size", setting("bench.batchSize", "50")))) {
            new ProvinceScenarios(app, plan, report, limit, writers).run(readsFrom, intSetting("bench.requests", 200),
                    intSetting("bench.longRecordCommands", 400), intSetting("bench.lagSampleEvery", 10));
        } finally {
            report.write(results);
            BenchSupport.deleteRecursively(dataDir);
        }
        System.out.println("report written to " + results.toAbsolutePath().normalize());
        System.exit(0);
    }
}
