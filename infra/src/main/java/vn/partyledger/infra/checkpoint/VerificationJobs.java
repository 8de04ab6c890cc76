package vn.partyledger.infra.checkpoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Whole-log verifications run in the background, one at a time on a thread of their own, followed by polling their
 * progress (docs/log-proofs.md §6). Memory: the verification's own (a window, one link per aggregate) and the last
 * {@value #KEPT} progress records, reports included, on this node; a restart forgets them.
 */
public class VerificationJobs {

    static final int KEPT = 10;
    private static final Logger log = LoggerFactory.getLogger(VerificationJobs.class);

    private final LogAuditor auditor;
    private final MongoEventStorageEngine eventLog;
    private final Clock clock;
    private final Map<String, Job> jobs = new LinkedHashMap<>(KEPT + 1, 1, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT;
        }
    };

    VerificationJobs(LogAuditor auditor, MongoEventStorageEngine eventLog, Clock clock) {
        this.auditor = auditor;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** Starts verifying the log; {@link VerificationRunning} while another verification runs. */
    public synchronized VerificationProgress start(StartVerification request) {
        jobs.values().stream().filter(job -> job.state == VerificationProgress.State.RUNNING).findFirst()
            .ifPresent(running -> {
                throw new VerificationRunning(running.id);
            });
        Job job = new Job(UUID.randomUUID().toString(), eventLog.allocatedPositions(), eventLog.storedEvents(),
                          clock.instant());
        jobs.put(job.id, job);
        Thread thread = new Thread(() -> job.run(new VerifyLog(request.treeSize(), request.rootHash())),
                                   "log-verification-" + job.id);
        thread.setDaemon(true);
        thread.start();
        return job.progress();
    }

    public synchronized VerificationProgress progress(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw new UnknownVerification(id);
        }
        return job.progress();
    }

    private final class Job {

        private final String id;
        private final long positionsTotal;
        private final long eventsTotal;
        private final Instant startedAt;
        private final long startedNanos = System.nanoTime();
        private volatile VerificationProgress.State state = VerificationProgress.State.RUNNING;
        private volatile long positionsRead;
        private volatile long eventsChecked;
        private volatile long endedNanos;
        private volatile Instant endedAt;
        private volatile AuditReport report;
        private volatile String failure;

        Job(String id, long positionsTotal, long eventsTotal, Instant startedAt) {
            this.id = id;
            this.positionsTotal = positionsTotal;
            this.eventsTotal = eventsTotal;
            this.startedAt = startedAt;
        }

        void run(VerifyLog query) {
            try {
                report = auditor.audit(query, (position, events) -> {
                    positionsRead = position;
                    eventsChecked = events;
                });
                eventsChecked = report.eventsChecked();
                end(VerificationProgress.State.DONE);
            } catch (RuntimeException e) {
                log.warn("The verification {} of the log failed", id, e);
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                end(VerificationProgress.State.FAILED);
            }
        }

        /** The state is set last, so a verification shown done is shown with its report. */
        private void end(VerificationProgress.State ending) {
            endedNanos = System.nanoTime();
            endedAt = clock.instant();
            state = ending;
        }

        VerificationProgress progress() {
            VerificationProgress.State seen = state;
            long events = eventsChecked;
            double seconds = ((seen == VerificationProgress.State.RUNNING ? System.nanoTime() : endedNanos)
                    - startedNanos) / 1e9;
            double rate = seconds <= 0 ? 0 : Math.round(events / seconds * 10) / 10.0;
            return new VerificationProgress(id, seen, positionsRead, positionsTotal, events,
                                            Math.max(eventsTotal, events), rate, startedAt, endedAt,
                                            seen == VerificationProgress.State.DONE ? report : null, failure);
        }
    }
}
