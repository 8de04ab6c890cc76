package vn.partyledger.domain.roster;

import java.time.LocalDate;
import java.util.List;

/**
 * The rolls under an organisation on a date, rolled up: the headcount (đảng số) and how many of it are full and
 * probationary members, exempt fully or temporarily, attached out, suspended or out of contact, and the members
 * attached in from elsewhere (present, not counted) — for the organisation and for each branch under it.
 */
public record RosterTotals(String orgId, String name, LocalDate asOf, Counts total, List<BranchCounts> branches) {

    /** One roll's counts; {@code attachedIn} are guests, outside the headcount. */
    public record Counts(int headcount, int full, int probationary, int fullyExempt, int temporarilyExempt,
                         int attachedOut, int attachedIn, int suspended, int lostContact) {
    }

    public record BranchCounts(String branchId, String name, Counts counts) {
    }
}
