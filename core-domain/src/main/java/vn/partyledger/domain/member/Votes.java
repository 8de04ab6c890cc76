package vn.partyledger.domain.member;

/** The thresholds of party votes (domain.md §5.1 step 8, §6): counted against everyone entitled, not those present. */
public final class Votes {

    private Votes() {
    }

    /** At least two thirds: ceil(2/3 × electorate). */
    public static int twoThirdsOf(int electorate) {
        return (2 * electorate + 2) / 3;
    }

    /** More than half: floor(electorate / 2) + 1. */
    public static int moreThanHalfOf(int electorate) {
        return electorate / 2 + 1;
    }
}
