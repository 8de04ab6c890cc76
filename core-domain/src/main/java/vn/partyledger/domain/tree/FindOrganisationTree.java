package vn.partyledger.domain.tree;

import java.time.LocalDate;

/** The organisation and every organisation under it as the tree stood at the end of {@code asOf} (a business date). */
public record FindOrganisationTree(String orgId, LocalDate asOf) {
}
