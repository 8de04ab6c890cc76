package vn.partyledger.domain.roster;

/**
 * The update a live roster of a branch receives: the entry of {@code memberId} in that branch's roster changed. It
 * names no date, as one change can show on the roster of many dates: each subscriber reads its roster again for its
 * own {@code asOf}.
 */
public record RosterChanged(String memberId) {
}
