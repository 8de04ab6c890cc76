package vn.partyledger.infra.api;

/** Asked for the roster of an organisation that is not a known branch. */
class RosterNotFound extends RuntimeException {

    RosterNotFound(String orgId) {
        super("No branch with id " + orgId + " is known to the roster (it may not exist or not be a branch).");
    }
}
