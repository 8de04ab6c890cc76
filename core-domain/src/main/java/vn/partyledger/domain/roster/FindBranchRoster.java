package vn.partyledger.domain.roster;

import java.time.LocalDate;

/** The roster of a branch as it stood at the end of {@code asOf} (a business date). */
public record FindBranchRoster(String orgId, LocalDate asOf) {
}
