package vn.partyledger.domain.member;

/**
 * An event about one member that names the member's home branch when it happened, the branch whose roll holds the
 * member. Read models keyed by member and branch find what such an event changes without a look-up.
 */
public interface HomeBranchEvent {

    String memberId();

    String homeOrgId();
}
