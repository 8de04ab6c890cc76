package vn.partyledger.domain.timeline;

import java.time.LocalDate;

/** The member's state at the end of the business date {@code asOf}, as the record now stands corrected. */
public record FindMemberState(String memberId, LocalDate asOf) implements MemberRecordQuery {
}
