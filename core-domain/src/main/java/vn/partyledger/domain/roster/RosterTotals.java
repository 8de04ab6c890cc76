package vn.partyledger.domain.roster;

import java.time.LocalDate;
import java.util.List;

/**
 * The rolls under an organisation on a date, rolled up: the headcount (đảng số) and how many of it are full and
 * probationary members, exempt fully or temporarily, attached out, in transit, suspended or out of contact, the
 * members attached in from elsewhere (present, not counted), and the present roster — for the organisation and for
 * each branch under it.
 */
public record RosterTotals(String orgId, String name, LocalDate asOf, Counts total, List<BranchCounts> branches) {

    /**
     * One roll's counts; {@code attachedIn} are guests, outside the headcount; {@code present} are those taking part in
     * the branch's life that day: the headcount without the members attached out or in transit, with the guests.
     */
    public record Counts(int headcount, int present, int full, int probationary, int fullyExempt,
                         int temporarilyExempt, int attachedOut, int attachedIn, int inTransit, int suspended,
                         int lostContact) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(headcount + other.headcount, present + other.present, full + other.full,
                    probationary + other.probationary, fullyExempt + other.fullyExempt,
                    temporarilyExempt + other.temporarilyExempt, attachedOut + other.attachedOut,
                    attachedIn + other.attachedIn, inTransit + other.inTransit, suspended + other.suspended,
                    lostContact + other.lostContact);
        }
    }

    public record BranchCounts(String branchId, String name, Counts counts) {
    }
}
