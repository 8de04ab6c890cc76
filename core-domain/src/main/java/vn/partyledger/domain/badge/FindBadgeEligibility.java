package vn.partyledger.domain.badge;

import java.time.LocalDate;

/**
 * Who under the organisation may be put forward for a badge on the occasion of {@code occasionDate}, among the members
 * on its rolls at the end of {@code asOf} and the members of its branches who died full members.
 */
public record FindBadgeEligibility(String orgId, LocalDate occasionDate, LocalDate asOf) {
}
