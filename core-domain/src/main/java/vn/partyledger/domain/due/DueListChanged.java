package vn.partyledger.domain.due;

/**
 * The update a live due list receives (ADR 0041): something due for {@code memberId} changed, or the member's place on
 * a branch's roll. It names no date or organisation, as one change can show on the lists of many dates and of every
 * organisation above the branch: each subscriber reads its list again for its own {@code asOf}.
 */
public record DueListChanged(String memberId) {
}
