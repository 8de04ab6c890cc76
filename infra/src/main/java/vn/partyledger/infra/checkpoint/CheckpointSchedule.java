package vn.partyledger.infra.checkpoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the recorder on one thread of its own, a pass every poll interval after the last one ended. A failed pass is
 * logged and the next one starts from what is stored.
 */
final class CheckpointSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final CheckpointRecorder recorder;
    private final Duration pollInterval;
    private ScheduledExecutorService executor;

    CheckpointSchedule(CheckpointRecorder recorder, Duration pollInterval) {
        this.recorder = recorder;
        this.pollInterval = pollInterval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "checkpoint-recorder");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pass, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pass() {
        try {
            recorder.catchUp();
        } catch (RuntimeException e) {
            log.warn("Checkpoint pass failed; the next pass starts from what is stored", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
