package vn.partyledger.domain.due;

import java.time.LocalDate;

/**
 * What was open for the members of the organisation's branches at the end of {@code asOf} and falls due within
 * {@code withinDays} days of it, overdue items included.
 */
public record FindDueList(String orgId, LocalDate asOf, int withinDays) {
}
