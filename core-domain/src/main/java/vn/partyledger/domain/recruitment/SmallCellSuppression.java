package vn.partyledger.domain.recruitment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hides the cells of a breakdown that could single people out (domain.md §15.2 rule 4, policy
 * {@code SMALL_CELL_SUPPRESSION_K}): a cell counting fewer than {@code k} is suppressed, 0 included, so that a
 * suppressed cell does not tell 0 from 1. A single suppressed cell could be recovered by subtracting the others from the
 * total, so a second one is suppressed with it (the smallest shown), in every dimension of every organisation, and
 * across the organisations under the one asked about for each cell whose total is shown; until nothing changes.
 * Occupations, free text, are pooled into {@value #OTHER} where the organisation asked about has fewer than {@code k}
 * of them, so that no rare occupation is named.
 */
public final class SmallCellSuppression {

    public static final String OTHER = "OTHER";

    private final int k;

    public SmallCellSuppression(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("the smallest cell shown must be at least 1, not " + k);
        }
        this.k = k;
    }

    /**
     * The counts of the organisation asked about ({@code total}) and of each organisation under it, in that order,
     * each dimension's counts by cell; the breakdowns to show, in the same order.
     */
    public List<Breakdown> apply(Map<BreakdownDimension, Map<String, Integer>> total,
                                 List<Map<BreakdownDimension, Map<String, Integer>>> subOrganisations) {
        List<Map<BreakdownDimension, Map<String, Integer>>> tables = new ArrayList<>();
        tables.add(total);
        tables.addAll(subOrganisations);
        Map<BreakdownDimension, List<String>> cells = new EnumMap<>(BreakdownDimension.class);
        List<Map<BreakdownDimension, Map<String, Integer>>> counts = new ArrayList<>();
        for (BreakdownDimension dimension : BreakdownDimension.values()) {
            cells.put(dimension, cellsOf(dimension, total.getOrDefault(dimension, Map.of())));
        }
        for (Map<BreakdownDimension, Map<String, Integer>> table : tables) {
            Map<BreakdownDimension, Map<String, Integer>> pooled = new EnumMap<>(BreakdownDimension.class);
            cells.forEach((dimension, shown) -> pooled.put(dimension,
                    pooled(shown, table.getOrDefault(dimension, Map.of()))));
            counts.add(pooled);
        }
        List<Map<BreakdownDimension, Set<String>>> suppressed = new ArrayList<>();
        for (Map<BreakdownDimension, Map<String, Integer>> table : counts) {
            Map<BreakdownDimension, Set<String>> hidden = new EnumMap<>(BreakdownDimension.class);
            table.forEach((dimension, byCell) -> {
                Set<String> small = new LinkedHashSet<>();
                byCell.forEach((cell, count) -> {
                    if (count < k) {
                        small.add(cell);
                    }
                });
                hidden.put(dimension, small);
            });
            suppressed.add(hidden);
        }
        boolean changed = true;
        while (changed) {
            changed = withinEachTable(counts, suppressed) | acrossOrganisations(counts, suppressed);
        }
        List<Breakdown> shown = new ArrayList<>();
        for (int t = 0; t < counts.size(); t++) {
            Map<BreakdownDimension, List<Breakdown.Cell>> dimensions = new EnumMap<>(BreakdownDimension.class);
            Map<BreakdownDimension, Set<String>> hidden = suppressed.get(t);
            counts.get(t).forEach((dimension, byCell) -> dimensions.put(dimension, byCell.entrySet().stream()
                    .map(cell -> hidden.get(dimension).contains(cell.getKey())
                            ? new Breakdown.Cell(cell.getKey(), null, true)
                            : new Breakdown.Cell(cell.getKey(), cell.getValue(), false))
                    .toList()));
            shown.add(new Breakdown(dimensions));
        }
        return shown;
    }

    /**
     * The fixed cells; or the occupations the organisation asked about has at least k of, most first, and OTHER when
     * any is pooled (an OTHER of 0 would only take a named occupation into suppression with it).
     */
    private List<String> cellsOf(BreakdownDimension dimension, Map<String, Integer> total) {
        if (!dimension.fixedCells().isEmpty()) {
            return dimension.fixedCells();
        }
        List<String> named = new ArrayList<>(total.entrySet().stream().filter(cell -> cell.getValue() >= k)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList());
        if (named.size() < total.size()) {
            named.add(OTHER);
        }
        return named;
    }

    private static Map<String, Integer> pooled(List<String> cells, Map<String, Integer> counted) {
        Map<String, Integer> pooled = new LinkedHashMap<>();
        cells.forEach(cell -> pooled.put(cell, 0));
        counted.forEach((cell, count) -> pooled.merge(pooled.containsKey(cell) ? cell : OTHER, count, Integer::sum));
        return pooled;
    }

    private static boolean withinEachTable(List<Map<BreakdownDimension, Map<String, Integer>>> counts,
                                           List<Map<BreakdownDimension, Set<String>>> suppressed) {
        boolean changed = false;
        for (int t = 0; t < counts.size(); t++) {
            for (Map.Entry<BreakdownDimension, Map<String, Integer>> dimension : counts.get(t).entrySet()) {
                Set<String> hidden = suppressed.get(t).get(dimension.getKey());
                if (hidden.size() == 1) {
                    changed |= dimension.getValue().entrySet().stream()
                            .filter(cell -> !hidden.contains(cell.getKey()))
                            .min(Map.Entry.comparingByValue())
                            .map(cell -> hidden.add(cell.getKey())).orElse(false);
                }
            }
        }
        return changed;
    }

    private static boolean acrossOrganisations(List<Map<BreakdownDimension, Map<String, Integer>>> counts,
                                               List<Map<BreakdownDimension, Set<String>>> suppressed) {
        boolean changed = false;
        for (Map.Entry<BreakdownDimension, Map<String, Integer>> dimension : counts.get(0).entrySet()) {
            BreakdownDimension key = dimension.getKey();
            for (String cell : dimension.getValue().keySet()) {
                if (suppressed.get(0).get(key).contains(cell)) {
                    continue;
                }
                List<Integer> under = new ArrayList<>();
                for (int t = 1; t < counts.size(); t++) {
                    under.add(t);
                }
                if (under.stream().filter(t -> suppressed.get(t).get(key).contains(cell)).count() == 1) {
                    changed |= under.stream().filter(t -> !suppressed.get(t).get(key).contains(cell))
                            .min(Comparator.comparing(t -> counts.get(t).get(key).get(cell)))
                            .map(t -> suppressed.get(t).get(key).add(cell)).orElse(false);
                }
            }
        }
        return changed;
    }
}
