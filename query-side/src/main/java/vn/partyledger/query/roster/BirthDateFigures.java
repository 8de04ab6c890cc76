package vn.partyledger.query.roster;

import vn.partyledger.domain.roster.BranchRoster;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Figures a reader worked out from a branch's roster on a date and its members' dates of birth (the statistics' age
 * groups), with the days besides the roll's own changes on which they may change (a member crossing into another
 * group): kept between those days by the roster projection (ADR 0057). Only figures are kept, never a date of birth.
 */
public record BirthDateFigures(List<Integer> figures, Set<LocalDate> changeDays) {

    public BirthDateFigures {
        figures = List.copyOf(figures);
        changeDays = Set.copyOf(changeDays);
    }

    /** Gives the figures of the rolls of those of the branches that have one, kept where current, else worked out. */
    @FunctionalInterface
    public interface OfRolls {
        Map<String, List<Integer>> on(Collection<String> branchIds, LocalDate date, String key,
                                      Function<BranchRoster, BirthDateFigures> workOut);
    }
}
