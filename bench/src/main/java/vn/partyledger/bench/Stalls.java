package vn.partyledger.bench;

import java.util.function.LongSupplier;

/**
 * A thread that sleeps a millisecond at a time and counts the times it woke more than {@value #LATE_MILLIS} ms late:
 * the JVM was paused (a collection, a safepoint), the machine stopped, or both cores were taken by other threads.
 * Printed beside each timed read, it tells a tail of the process standing still from one the read's own code made;
 * which of the three it was, it cannot tell. On this workplace's virtual machines the kernel's memory monitor (DAMON,
 * thread {@code kdamond}) samples every 0.5 s and, under load, stopped the machine for 15-60 ms at a time (README,
 * "What the reads' tail is").
 */
public final class Stalls implements AutoCloseable {

    /** What the watcher saw since the last look: how many late wake-ups, the longest, and their sum. */
    public record Seen(int count, double longestMillis, double totalMillis) {
    }

    /** How the watcher waits a millisecond; a test stands in one that moves its own clock. */
    interface Nap {
        void oneMillisecond() throws InterruptedException;
    }

    private static final long LATE_MILLIS = 5;
    private static final long NAP_NANOS = 1_000_000;

    private final Nap nap;
    private final LongSupplier clock;
    private final Thread watcher;
    private int count;
    private long longestNanos;
    private long totalNanos;

    /** Starts watching. */
    public Stalls() {
        this(() -> Thread.sleep(1), System::nanoTime);
    }

    /** Watches with {@code nap} for its waits and {@code clock} (nanoseconds) for the time. */
    Stalls(Nap nap, LongSupplier clock) {
        this.nap = nap;
        this.clock = clock;
        this.watcher = new Thread(this::watch, "stall-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        long before = clock.getAsLong();
        while (true) {
            try {
                nap.oneMillisecond();
            } catch (InterruptedException e) {
                return;
            }
            long now = clock.getAsLong();
            long late = now - before - NAP_NANOS;
            if (late > LATE_MILLIS * 1_000_000) {
                seen(late);
            }
            before = now;
        }
    }

    private synchronized void seen(long lateNanos) {
        count++;
        longestNanos = Math.max(longestNanos, lateNanos);
        totalNanos += lateNanos;
    }

    /** What was seen since the last call (or the start), and a fresh count from now. */
    public synchronized Seen takeSeen() {
        Seen seen = new Seen(count, longestNanos / 1e6, totalNanos / 1e6);
        count = 0;
        longestNanos = 0;
        totalNanos = 0;
        return seen;
    }

    @Override
    public void close() throws InterruptedException {
        watcher.interrupt();
        watcher.join();
    }
}
