package vn.partyledger.domain.badge;

import java.time.LocalDate;
import java.util.List;

/**
 * The members on the rolls under an organisation on a date (docs/rules.md#s14): the full members by party-age group
 * ({@code fullMembers} of the headcount {@code members}; probationers have no party age yet), and the badge holders —
 * {@code badgeHolders} members holding at least one badge, and for each level how many hold it and how many hold it as
 * their highest.
 */
public record PartyAgeStatistics(String orgId, String name, LocalDate asOf, int members, int fullMembers,
                                 List<PartyAgeGroup> partyAgeGroups, int badgeHolders, List<LevelHolders> badgeLevels) {

    /** Full members with at least {@code fromYears} full years of party age and, unless null, under {@code belowYears}. */
    public record PartyAgeGroup(int fromYears, Integer belowYears, int members) {
    }

    public record LevelHolders(int level, int holders, int holdersAsHighest) {
    }
}
