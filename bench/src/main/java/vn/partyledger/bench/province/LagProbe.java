package vn.partyledger.bench.province;

import vn.partyledger.bench.Percentiles;
import vn.partyledger.bench.Processors;
import vn.partyledger.infra.integration.IntegrationPublisher;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Projection lag under load: for sampled commands, the time from the answer that committed them until every read
 * model's processor has read their commit (visible), and until the Kafka publisher has too (published). A thread
 * checks every pending sample each millisecond, so a slow one does not hold back the measure of the next.
 */
final class LagProbe implements AutoCloseable {

    /** A sample still waiting this long is counted as not seen, and dropped. */
    private static final long GIVE_UP_NANOS = 120_000_000_000L;

    private final Processors processors;
    private final ConcurrentLinkedQueue<long[]> arriving = new ConcurrentLinkedQueue<>();
    private final List<Long> visible = new ArrayList<>();
    private final List<Long> published = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread checking;
    private int givenUp;

    LagProbe(Processors processors) {
        this.processors = processors;
        this.checking = new Thread(this::check, "bench-lag-probe");
        checking.setDaemon(true);
        checking.start();
    }

    /** A command committed at {@code position}, its answer received at {@code answeredNanos}. */
    void committed(long position, long answeredNanos) {
        arriving.add(new long[] {position, answeredNanos, -1});
    }

    private void check() {
        List<long[]> pending = new ArrayList<>();
        while (running.get() || !pending.isEmpty() || !arriving.isEmpty()) {
            for (long[] sample = arriving.poll(); sample != null; sample = arriving.poll()) {
                pending.add(sample);
            }
            long now = System.nanoTime();
            for (Iterator<long[]> samples = pending.iterator(); samples.hasNext(); ) {
                long[] sample = samples.next();
                if (sample[2] < 0 && processors.allReached(sample[0], IntegrationPublisher.PROCESSING_GROUP)) {
                    sample[2] = now;
                    record(visible, now - sample[1]);
                }
                if (sample[2] >= 0 && processors.allReached(sample[0], null)) {
                    record(published, now - sample[1]);
                    samples.remove();
                } else if (now - sample[1] > GIVE_UP_NANOS) {
                    synchronized (this) {
                        givenUp++;
                    }
                    samples.remove();
                }
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void record(List<Long> lags, long nanos) {
        lags.add(nanos);
    }

    /** The lags measured so far, sorted: visible in every read model, then published. */
    synchronized Lags lags() {
        List<Long> visibleSorted = new ArrayList<>(visible);
        List<Long> publishedSorted = new ArrayList<>(published);
        visibleSorted.sort(null);
        publishedSorted.sort(null);
        return new Lags(visibleSorted.size(), Percentiles.millis(visibleSorted, 0.50),
                Percentiles.millis(visibleSorted, 0.99), publishedSorted.size(),
                Percentiles.millis(publishedSorted, 0.50), Percentiles.millis(publishedSorted, 0.99), givenUp);
    }

    record Lags(int visibleSamples, double visibleP50Millis, double visibleP99Millis, int publishedSamples,
                double publishedP50Millis, double publishedP99Millis, int notSeenIn120Seconds) {
    }

    /** Stops taking samples and waits for the pending ones to be seen (or given up). */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        checking.join();
    }
}
