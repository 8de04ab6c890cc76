package vn.partyledger.infra.api;

import java.time.LocalDate;

/** A query parameter that makes the request mean nothing, so it is refused as bad input naming the parameter. */
class InvalidQueryParameter extends RuntimeException {

    private final String field;

    private InvalidQueryParameter(String field, String message) {
        super(message);
        this.field = field;
    }

    /** A date range whose end comes before its start. */
    static InvalidQueryParameter reversedDates(String field, LocalDate from, LocalDate to) {
        return new InvalidQueryParameter(field, "'" + field + "' (" + to + ") is before 'from' (" + from + ").");
    }

    /** A consistency proof asked from a larger tree to a smaller one. */
    static InvalidQueryParameter shrinkingTree(long first, long second) {
        return new InvalidQueryParameter("second", "'second' (" + second + ") is smaller than 'first' (" + first
                + "): a log only grows.");
    }

    /** A checkpoint held given by one of its two parts. */
    static InvalidQueryParameter halfACheckpoint(String missing) {
        return new InvalidQueryParameter(missing, "'" + missing + "' is required with the other part of the "
                + "checkpoint held: give treeSize and rootHash, or neither.");
    }

    /** Personal data asked for without the purpose the access audit must keep (domain.md §15.2 rule 6). */
    static InvalidQueryParameter purposeNotStated() {
        return new InvalidQueryParameter("purpose",
                "'purpose' is required with names=true: every read of names is recorded with its purpose.");
    }

    String field() {
        return field;
    }
}
