package vn.partyledger.domain.roster;

import java.time.LocalDate;

/** The rolls of every branch under the organisation (a ward, a province) counted at the end of {@code asOf}. */
public record FindRosterTotals(String orgId, LocalDate asOf) {
}
