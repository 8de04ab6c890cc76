package vn.partyledger.infra.api;

import java.time.LocalDate;

/** Asked for the tree under an organisation the tree did not hold on that date. */
class OrganisationNotInTree extends RuntimeException {

    OrganisationNotInTree(String orgId, LocalDate asOf) {
        super("No organisation with id " + orgId + " had been founded by " + asOf + ".");
    }
}
