package vn.partyledger.bench.province;

import vn.partyledger.bench.BenchClient;
import vn.partyledger.bench.Percentiles;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends planned commands over HTTP: each list in its order by one writer at a time, up to {@code workers} lists at
 * once, until every command is sent or the time limit comes. Every command is timed from send to answer; a refusal
 * (any answer but 2xx) is counted by kind with the first few problems kept, since the plan means none.
 */
final class HistoryRun {

    private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");
    /** The first refusals of each kind kept for the report: enough to tell a generator bug, not a flood. */
    private static final int PROBLEMS_KEPT_PER_KIND = 3;

    private final BenchClient client;
    private final int workers;
    private final Duration limit;
    private final LagProbe probe;
    private final int probeEvery;

    /** {@code probe} (null: none) is told every {@code probeEvery}th accepted command's log position. */
    HistoryRun(BenchClient client, int workers, Duration limit, LagProbe probe, int probeEvery) {
        this.client = client;
        this.workers = workers;
        this.limit = limit;
        this.probe = probe;
        this.probeEvery = probeEvery;
    }

    /** What a run sent: how many of how many, in how long, their latencies sorted, and what was refused. */
    record Outcome(int planned, int sent, double seconds, List<Long> sortedNanos, Map<String, Integer> refusals,
                   List<String> problems, boolean stopped, int writersAtOnce) {

        double perSecond() {
            return sent / seconds;
        }

        double p50Millis() {
            return Percentiles.millis(sortedNanos, 0.50);
        }

        double p99Millis() {
            return Percentiles.millis(sortedNanos, 0.99);
        }

        int refused() {
            return refusals.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    Outcome run(List<List<PlannedCommand>> partitions, Predicate<PlannedCommand> which) throws InterruptedException {
        List<List<PlannedCommand>> lists = partitions.stream()
                .map(partition -> partition.stream().filter(which).toList()).filter(list -> !list.isEmpty()).toList();
        int planned = lists.stream().mapToInt(List::size).sum();
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        Map<String, List<String>> problems = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        int writers = Math.max(1, Math.min(workers, lists.size()));
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<PlannedCommand> list : lists) {
                running.add(pool.submit(() -> {
                    for (PlannedCommand command : list) {
                        if (System.nanoTime() > deadline) {
                            stopped.set(true);
                            return null;
                        }
                        send(command, nanos, refusals, problems, sent.incrementAndGet());
                    }
                    return null;
                }));
            }
            for (Future<?> list : running) {
                list.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("A writer failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        List<String> firstProblems = new TreeMap<>(problems).values().stream().flatMap(List::stream).toList();
        return new Outcome(planned, sent.get(), seconds, sorted, new TreeMap<>(refusals), firstProblems,
                stopped.get(), writers);
    }

    private void send(PlannedCommand command, ConcurrentLinkedQueue<Long> nanos, Map<String, Integer> refusals,
                      Map<String, List<String>> problems, int number) throws InterruptedException {
        long start = System.nanoTime();
        BenchClient.Response response;
        try {
            response = client.exchange(command.path(), command.body());
        } catch (IOException e) {
            response = new BenchClient.Response(-1, e.toString());
        }
        long answered = System.nanoTime();
        nanos.add(answered - start);
        if (response.status() / 100 != 2) {
            refusals.merge(command.kind(), 1, Integer::sum);
            List<String> ofKind = problems.computeIfAbsent(command.kind(),
                    kind -> Collections.synchronizedList(new ArrayList<>()));
            if (ofKind.size() < PROBLEMS_KEPT_PER_KIND) {
                ofKind.add(command.day() + " " + command.path() + " → " + response.status() + " " + response.body());
            }
        } else if (probe != null && number % probeEvery == 0) {
            Matcher position = POSITION.matcher(response.body());
            if (position.find()) {
                probe.committed(Long.parseLong(position.group(1)), answered);
            }
        }
    }
}
