package vn.partyledger.domain.timeline;

import java.time.LocalDate;

/**
 * One page of the member's timeline: the entries of the member's stream in stream order, those whose business date
 * lies between {@code from} and {@code to} (inclusive; null leaves that side open).
 */
public record FindMemberTimeline(String memberId, LocalDate from, LocalDate to, int page, int size)
        implements MemberRecordQuery {
}
