package vn.partyledger.domain.statistics;

import java.time.LocalDate;

/** The members on the rolls under the organisation on {@code asOf}, by status and by age group. */
public record FindMembershipStatistics(String orgId, LocalDate asOf) {
}
