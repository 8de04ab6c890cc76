package vn.partyledger.domain.timeline;

import java.time.LocalDate;

/** What changed in the member's state from the end of {@code from} to the end of {@code to}, and by which entries. */
public record FindMemberChanges(String memberId, LocalDate from, LocalDate to) implements MemberRecordQuery {
}
