package vn.partyledger.domain.badge;

import java.time.LocalDate;

/** The party ages and badges of the members on the rolls under the organisation at the end of {@code asOf}. */
public record FindPartyAgeStatistics(String orgId, LocalDate asOf) {
}
