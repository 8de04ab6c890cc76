package vn.partyledger.domain.statistics;

/** The members the organisation lost in {@code year}, by kind. */
public record FindMembershipLosses(String orgId, int year) {
}
