package vn.partyledger.bench;

import java.util.List;

/** Latency percentiles the harnesses print and report, from durations in nanoseconds sorted ascending. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The quantile's element in milliseconds (the element at floor(q × n)), or NaN when nothing was measured. */
    public static double millis(List<Long> sortedNanos, double quantile) {
        return sortedNanos.isEmpty() ? Double.NaN
                : sortedNanos.get((int) Math.min(sortedNanos.size() - 1, Math.floor(quantile * sortedNanos.size())))
                        / 1e6;
    }
}
