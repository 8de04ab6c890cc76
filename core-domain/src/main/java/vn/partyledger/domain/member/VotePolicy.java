package vn.partyledger.domain.member;

/**
 * The thresholds of party votes that docs/rules.md#s20 makes configurable, counted against everyone entitled to vote,
 * not those present: {@code ADMISSION_VOTE_THRESHOLD} — at least {@code admission} (2/3) of the branch's full members
 * or of the grassroots committee's members, for admission, recognition and striking off the probationary list — and
 * the simple majority — more than {@code majority} (1/2) — by which a standing committee decides a strike-off from the
 * probationary list (I11) and a branch proposes a strike-off (I20).
 */
public record VotePolicy(Share admission, Share majority) {

    public static final VotePolicy DEFAULTS = new VotePolicy(new Share(2, 3), new Share(1, 2));

    /** A share of an electorate, {@code numerator}/{@code denominator}, written "2/3" in configuration. */
    public record Share(int numerator, int denominator) {

        public Share {
            if (denominator < 1 || numerator < 1 || numerator > denominator) {
                throw new IllegalArgumentException("a vote share lies in (0, 1], not " + numerator + "/" + denominator);
            }
        }

        public static Share parse(String text) {
            String[] parts = text.trim().split("/");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a vote share is written as numerator/denominator, not " + text);
            }
            return new Share(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        }

        @Override
        public String toString() {
            return numerator + "/" + denominator;
        }
    }

    /** Votes in favour a motion needs to reach the admission share: ⌈share × electorate⌉. */
    public int admissionPassMark(int electorate) {
        return (admission.numerator() * electorate + admission.denominator() - 1) / admission.denominator();
    }

    /** Votes in favour a motion needs to exceed the majority share: ⌊share × electorate⌋ + 1. */
    public int majorityPassMark(int electorate) {
        return majority.numerator() * electorate / majority.denominator() + 1;
    }
}
