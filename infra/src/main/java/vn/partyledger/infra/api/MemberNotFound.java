package vn.partyledger.infra.api;

/** Asked about the record of a member the log does not hold. */
class MemberNotFound extends RuntimeException {

    MemberNotFound(String memberId) {
        super("No member with id " + memberId + " is recorded in the log.");
    }
}
