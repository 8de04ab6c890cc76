package vn.partyledger.domain.roster;

import java.time.LocalDate;

/**
 * The roster of any organisation at the end of {@code asOf}: a branch's own, or for a ward or province the rosters of
 * every branch under it that day, rolled up.
 */
public record FindOrganisationRoster(String orgId, LocalDate asOf) {
}
