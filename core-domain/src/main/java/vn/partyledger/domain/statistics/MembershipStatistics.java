package vn.partyledger.domain.statistics;

import vn.partyledger.domain.roster.RosterTotals;

import java.time.LocalDate;
import java.util.List;

/** The members on the rolls on a date, for the organisation and each organisation directly under it. */
public record MembershipStatistics(LocalDate asOf, Figures total, List<Figures> subOrganisations) {

    /**
     * One organisation's members: by status as the branch rosters count them ({@link RosterTotals.Counts}: full,
     * probationary, exempt, attached out and in, in transit, suspended, out of contact), and the headcount by age in
     * completed years on the date, the last group open-ended; {@code ageUnknown} counts those whose date of birth the
     * register does not give, or who are younger than the first group.
     */
    public record Figures(String orgId, String name, RosterTotals.Counts byStatus, List<AgeGroup> byAgeGroup,
                          int ageUnknown) {
    }

    /** Members aged {@code from} to {@code to} (null: no upper bound), both in completed years. */
    public record AgeGroup(int from, Integer to, int members) {
    }
}
