package vn.partyledger.query.partyage;

import vn.partyledger.domain.badge.NextBadge;

/**
 * A full member's party age on a roster's date in full years, and the next badge due (null when no level is left, or
 * while an open gap stands the party age still).
 */
public record RosterPartyAge(int partyAgeYears, NextBadge nextBadge) {
}
