package vn.partyledger.query.roster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Works out the figures of several branches' rolls at once, for a read that finds none kept for them (ADR 0068).
 * Working out one branch is some six queries one after another (its roster, entries and overlays; for the age groups
 * its persons' streams and register entries), each mostly a wait for the store's answer: worked out one after another,
 * a province's first statistics read after an import kept the two cores busy a fifth of the time. The reader's thread
 * waits for them all; stopped (the query's time limit interrupts it), it stops the work it waits for and stays
 * interrupted, so the handler's time limit still ends the read.
 */
final class RollWorkers {

    /** Branches worked out at once, by every reader together. */
    static final int AT_ONCE = 4;

    private static final AtomicInteger NAMED = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(AT_ONCE, work -> {
        Thread worker = new Thread(work, "roll-worker-" + NAMED.incrementAndGet());
        worker.setDaemon(true);
        return worker;
    });

    private RollWorkers() {
    }

    /** What {@code workOut} gives for each branch, the branches worked out {@link #AT_ONCE} at a time. */
    static <T> Map<String, Optional<T>> workOut(List<String> branchIds, Function<String, Optional<T>> workOut) {
        Map<String, Optional<T>> worked = new HashMap<>();
        if (branchIds.size() == 1) {
            worked.put(branchIds.get(0), workOut.apply(branchIds.get(0)));
            return worked;
        }
        List<Callable<Optional<T>>> tasks = branchIds.stream()
                .<Callable<Optional<T>>>map(branchId -> () -> workOut.apply(branchId)).toList();
        try {
            List<Future<Optional<T>>> results = WORKERS.invokeAll(tasks);
            for (int i = 0; i < branchIds.size(); i++) {
                worked.put(branchIds.get(i), results.get(i).get());
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new CancellationException("stopped while the branches' rolls were worked out");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            if (failed.getCause() instanceof Error broken) {
                throw broken;
            }
            throw new IllegalStateException(failed.getCause());
        }
        return worked;
    }
}
