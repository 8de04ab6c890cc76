package vn.partyledger.infra.api;

import java.time.LocalDate;

/** A date range whose end comes before its start: the request means nothing, so it is refused as bad input. */
class ReversedDates extends RuntimeException {

    private final String field;

    ReversedDates(String field, LocalDate from, LocalDate to) {
        super("'" + field + "' (" + to + ") is before 'from' (" + from + ").");
        this.field = field;
    }

    String field() {
        return field;
    }
}
