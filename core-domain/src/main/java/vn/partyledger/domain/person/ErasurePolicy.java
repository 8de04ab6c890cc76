package vn.partyledger.domain.person;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How long a former member's record is kept after the exit or death (domain.md §20 {@code RETENTION_AFTER_EXIT_YEARS},
 * [U]: a permanent archive until the client's ruling). Empty years: kept for good.
 */
public record ErasurePolicy(Optional<Integer> retentionAfterExitYears) {

    public static final ErasurePolicy DEFAULTS = new ErasurePolicy(Optional.empty());

    /** The last day the record of someone who left on {@code leftOn} is kept; empty: for good. */
    public Optional<LocalDate> keptUntil(LocalDate leftOn) {
        return retentionAfterExitYears.map(years -> leftOn.plusYears(years));
    }
}
