package vn.partyledger.domain.timeline;

import java.util.List;

/** One page of a member's timeline; {@code totalEntries} counts every entry the date filter kept. */
public record MemberTimeline(String memberId, int totalEntries, int page, int size, List<TimelineEntry> entries) {
}
