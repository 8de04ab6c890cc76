package vn.partyledger.domain.member;

import java.time.LocalDate;

/** A party badge the paper file says the member received: the level in years, its number and the award's date. */
public record ImportedBadge(int level, String badgeNumber, LocalDate awardedOn) {
}
