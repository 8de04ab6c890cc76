package vn.partyledger.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventMessage;
import vn.partyledger.domain.shared.Actor;
import vn.partyledger.infra.checkpoint.AuditReport;
import vn.partyledger.infra.checkpoint.Checkpoint;
import vn.partyledger.infra.checkpoint.CheckpointProperties;
import vn.partyledger.infra.checkpoint.CheckpointRecorder;
import vn.partyledger.infra.checkpoint.LogAuditor;
import vn.partyledger.infra.checkpoint.LogProofs;
import vn.partyledger.infra.checkpoint.VerifyLog;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;
import vn.partyledger.infra.export.HistoryExport;
import vn.partyledger.infra.export.HistoryScope;
import vn.partyledger.infra.export.JsonLinesExport;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import static vn.partyledger.bench.BenchSupport.DATABASE;
import static vn.partyledger.bench.BenchSupport.intSetting;
import static vn.partyledger.bench.BenchSupport.listSetting;
import static vn.partyledger.bench.BenchSupport.seconds;

/**
 * How fast the log's tree is built and the whole log verified (ADR 0043), on the embedded mongo-java-server: fills a
 * fresh store through our engine with {@code BENCH_EVENTS} of the application's events ({@code 100000}; each append
 * a member's admission and {@code BENCH_EVENTS_PER_APPEND - 1} contact changes, default 10 events), then times the
 * checkpoint recorder catching up from nothing, and the verification of the whole log against the checkpoint it
 * recorded, printing events per second for each and the heap still in use after a collection (the embedded server
 * runs in the same JVM). Then one member's history of {@code BENCH_EXPORT_EVENTS} events ({@code 10000}), appended
 * with the rest, is exported as JSON Lines with every event's proof against the checkpoint (ADR 0047), timed, and its
 * size printed. Settings as {@link AppendBenchmark}: {@code BENCH_BACKENDS} ({@code h2}), {@code BENCH_BRANCHES}
 * ({@code 1000}).
 * <p>
 * Run: {@code ./mvnw -q -B -pl bench -am -DskipTests package exec:exec -Dbench.main=vn.partyledger.bench.VerifyBenchmark}
 */
public final class VerifyBenchmark {

    private VerifyBenchmark() {
    }

    /** Counts what an export writes, and keeps none of it. */
    private static final class CountingStream extends OutputStream {
        private long bytes;
        private long lines;

        @Override
        public void write(int b) {
            bytes++;
            lines += b == '\n' ? 1 : 0;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietLogging();
        int events = intSetting("bench.events", 100_000);
        int perAppend = intSetting("bench.events.per.append", 10);
        int branches = intSetting("bench.branches", 1000);
        int exported = intSetting("bench.export.events", 10_000);
        // one member past all the others, with a long history to export
        int longHistory = events / perAppend + 1;
        System.out.printf(Locale.ROOT, "Verify benchmark: %,d events, %d per append, %d cores, Java %s%n", events,
                          perAppend, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (String backend : listSetting("bench.backends", "h2")) {
            try (BenchSupport.EmbeddedStore store = BenchSupport.startStore(backend);
                 MongoClient client = MongoClients.create(store.server().connectionString())) {
                MongoDatabase database = client.getDatabase(DATABASE);
                MongoEventStorageEngine engine = BenchSupport.engine(database, BenchSupport.serializer(), 100);
                long start = System.nanoTime();
                // first, so that the last checkpoint the recorder makes covers it whatever the events after it
                for (long sequence = 0; sequence < exported; sequence += perAppend) {
                    List<EventMessage<?>> append = new ArrayList<>(perAppend);
                    for (long next = sequence; next < Math.min(exported, sequence + perAppend); next++) {
                        append.add(next == 0 ? LedgerEvents.memberAdmitted(longHistory, branches, longHistory)
                                : LedgerEvents.contactChange(longHistory, next, branches, longHistory));
                    }
                    engine.appendEvents(append);
                }
                for (int member = 0; member * perAppend < events; member++) {
                    List<EventMessage<?>> append = new ArrayList<>(perAppend);
                    append.add(LedgerEvents.memberAdmitted(member, branches, member));
                    for (long sequence = 1; sequence < perAppend; sequence++) {
                        append.add(LedgerEvents.contactChange(member, sequence, branches, member));
                    }
                    engine.appendEvents(append);
                }
                double filled = seconds(System.nanoTime() - start);

                AtomicReference<Checkpoint> latest = new AtomicReference<>();
                CheckpointProperties settings = new CheckpointProperties(true, 1_000, Duration.ofSeconds(60),
                                                                         Duration.ofSeconds(1), 500, "unused",
                                                                         (short) 1, null, null);
                start = System.nanoTime();
                long treeSize = CheckpointRecorder.following(engine, database, settings, Clock.systemUTC(),
                                                             latest::set).catchUp();
                double built = seconds(System.nanoTime() - start);

                start = System.nanoTime();
                AuditReport report = LogAuditor.of(engine, database).audit(
                        new VerifyLog(latest.get().treeSize(), latest.get().rootHash()));
                double verified = seconds(System.nanoTime() - start);
                HistoryExport export = new HistoryExport(engine, LogProofs.of(database), new ObjectMapper(),
                                                         Clock.systemUTC());
                HistoryScope scope = HistoryScope.member(LedgerEvents.memberId(longHistory));
                CountingStream file = new CountingStream();
                start = System.nanoTime();
                export.write(scope, export.prepare(scope), new Actor("bench", "AUDITOR", null), null,
                             new JsonLinesExport(file));
                double exportedIn = seconds(System.nanoTime() - start);
                // what stays in use after a collection: the embedded server's data and caches in this JVM included
                System.gc();

                System.out.printf(Locale.ROOT, "[%s] filled %,d events in %.1f s (%,.0f events/s); tree built in "
                                + "%.1f s (%,.0f events/s); whole log verified against the checkpoint of %,d events "
                                + "in %.1f s (%,.0f events/s), %s; heap in use after a collection %,d MB%n",
                        store.label(), events + exported, filled, (events + exported) / filled, built, treeSize / built,
                        latest.get().treeSize(), verified, report.eventsChecked() / verified,
                        report.intact() ? "intact" : report.damages().size() + " damages",
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
                System.out.printf(Locale.ROOT, "[%s] a member's history of %,d events exported with their proofs "
                                + "in %.1f s (%,.0f events/s), %,d lines, %,d KB%n", store.label(), exported,
                        exportedIn, exported / exportedIn, file.lines, file.bytes >> 10);
            }
        }
    }
}
