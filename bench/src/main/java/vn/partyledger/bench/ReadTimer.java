package vn.partyledger.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/** Times reads over HTTP end to end, one after another, as a user waiting for each answer would see them. */
public final class ReadTimer {

    /** How many reads were timed (fewer than asked if the deadline came first), their p50 and p99, the statuses. */
    public record Timed(int requests, double p50Millis, double p99Millis, Map<Integer, Integer> statuses) {
    }

    private ReadTimer() {
    }

    /** Five reads first, not counted, then up to {@code requests} until {@code deadlineNanos} (System.nanoTime). */
    public static Timed time(BenchClient client, String path, int requests, long deadlineNanos)
            throws IOException, InterruptedException {
        return time(client, path, 5, requests, deadlineNanos);
    }

    /** {@code warmUps} reads first, not counted, then up to {@code requests}; none begins after the deadline. */
    public static Timed time(BenchClient client, String path, int warmUps, int requests, long deadlineNanos)
            throws IOException, InterruptedException {
        return time(client, read -> path, warmUps, requests, deadlineNanos);
    }

    /** As {@link #time(BenchClient, String, int, int, long)}, read {@code i} (warm-ups first) asking for path i. */
    public static Timed time(BenchClient client, IntFunction<String> paths, int warmUps, int requests,
                             long deadlineNanos) throws IOException, InterruptedException {
        int read = 0;
        for (int i = 0; i < warmUps && System.nanoTime() < deadlineNanos; i++) {
            client.get(paths.apply(read++));
        }
        List<Long> nanos = new ArrayList<>(requests);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < requests && System.nanoTime() < deadlineNanos; i++) {
            long start = System.nanoTime();
            int status = client.get(paths.apply(read++));
            nanos.add(System.nanoTime() - start);
            statuses.merge(status, 1, Integer::sum);
        }
        nanos.sort(null);
        return new Timed(nanos.size(), Percentiles.millis(nanos, 0.50), Percentiles.millis(nanos, 0.99), statuses);
    }
}
