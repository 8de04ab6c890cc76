package vn.partyledger.domain.organisation;

/** One line of a split's allocation list: the member and the organisation that becomes their home. */
public record MemberAllocation(String memberId, String targetOrgId) {
}
