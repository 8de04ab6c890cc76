package vn.partyledger.infra.api;

import org.axonframework.common.AxonTransientException;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a command again when its unit of work was aborted by a transient failure: Axon's deadlock detector stopping
 * one of two decisions that lock the same records in different orders (a branch vote reading the roll while a
 * ceremony enrols a member), or another writer appending to the same stream first. The aborted attempt wrote nothing
 * (the event store appends all or nothing, ADR 0002), and the next attempt validates against the log as it now
 * stands, so the retry can neither apply a decision twice nor skip a rule. A refusal is not transient and is never
 * retried.
 */
class TransientFailureRetry {

    private final int attempts;
    private final long pauseMillis;

    TransientFailureRetry(int attempts, long pauseMillis) {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed, not " + attempts);
        }
        this.attempts = attempts;
        this.pauseMillis = pauseMillis;
    }

    <T> T call(Supplier<T> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (AxonTransientException failure) {
                if (attempt == attempts) {
                    throw failure;
                }
                pauseBefore(attempt + 1);
            }
        }
    }

    /** Growing, jittered pauses, so that the two decisions that met do not meet again on the next attempt. */
    private void pauseBefore(int attempt) {
        try {
            Thread.sleep(pauseMillis * attempt + ThreadLocalRandom.current().nextLong(pauseMillis + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to run a command again", interrupted);
        }
    }
}
