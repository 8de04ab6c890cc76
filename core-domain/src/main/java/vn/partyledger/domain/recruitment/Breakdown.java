package vn.partyledger.domain.recruitment;

import java.util.List;
import java.util.Map;

/**
 * New members broken down by each dimension, small cells suppressed ({@link SmallCellSuppression}): a suppressed cell
 * has no count, which is not the same as a count of 0.
 */
public record Breakdown(Map<BreakdownDimension, List<Cell>> dimensions) {

    /** One cell: its count, or null with {@code suppressed} when showing it could single people out. */
    public record Cell(String value, Integer count, boolean suppressed) {
    }
}
