package vn.partyledger.query.due;

import java.time.LocalDate;
import java.util.Optional;

/** A branch's full members on its roll over time, as the branch roster shows them (ADR 0041). */
@FunctionalInterface
public interface FullMembersOnRoll {

    /**
     * The day since which the branch has had fewer than {@code minimum} full members on its roll without a break, as
     * of the end of {@code date}; empty when it had enough that day.
     */
    Optional<LocalDate> belowSince(String branchId, LocalDate date, int minimum);
}
