package vn.partyledger.domain.timeline;

/**
 * A query about one member's record: it concerns the member's home branch, so it is scoped, like the member's
 * commands, by where the member belongs (docs/permissions.md).
 */
public sealed interface MemberRecordQuery permits FindMemberTimeline, FindMemberState, FindMemberChanges {

    String memberId();
}
