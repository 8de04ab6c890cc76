package vn.partyledger.query.statistics;

import org.axonframework.queryhandling.QueryHandler;
import vn.partyledger.domain.person.PersonProfile;
import vn.partyledger.domain.person.PersonProfiles;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.RosterTotals;
import vn.partyledger.domain.statistics.CountedMembership;
import vn.partyledger.domain.statistics.FindMembershipStatistics;
import vn.partyledger.domain.statistics.MembershipStatistics;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.domain.tree.OrganisationTree;
import vn.partyledger.query.roster.BirthDateFigures;
import vn.partyledger.query.roster.RosterTotalsQueries;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The members on the rolls under an organisation on a date (ADR 0039): each branch under it in the tree of that day
 * counted from its roster of that day, by status as the roll-up counts them (ADR 0036, in transit included), and by
 * age group from each member's date of birth in the register. Both are read from what is kept of each branch's roll
 * (ADR 0055, 0057): the counts by status between the roll's changes, the counts by age group also between the days a
 * member crosses into another group; a branch's age groups are worked out from its roster and the register only when
 * none are kept for the day. Only counts leave this class, with the persons whose date of birth was read, for the
 * access audit.
 */
public class MembershipOnDateQueries {

    private final Function<FindOrganisationTree, Optional<OrganisationTree>> tree;
    private final BiFunction<Collection<String>, LocalDate, Map<String, RosterTotals.Counts>> counts;
    private final BirthDateFigures.OfRolls ages;
    private final PersonProfiles profiles;
    private final List<Integer> ageGroupsFrom;
    /** How the figures kept by age group were worked out: with these groups. */
    private final String ageGroupsKey;

    /**
     * {@code counts} gives the counts by status, and {@code ages} the figures worked out from the members' dates of
     * birth, of the rolls of those of the branches that have one; {@code ageGroupsFrom}: each age group's lowest age,
     * ascending; the last group has no upper bound.
     */
    public MembershipOnDateQueries(Function<FindOrganisationTree, Optional<OrganisationTree>> tree,
                                   BiFunction<Collection<String>, LocalDate, Map<String, RosterTotals.Counts>> counts,
                                   BirthDateFigures.OfRolls ages, PersonProfiles profiles,
                                   List<Integer> ageGroupsFrom) {
        if (ageGroupsFrom.isEmpty() || !ageGroupsFrom.stream().sorted().distinct().toList().equals(ageGroupsFrom)) {
            throw new IllegalArgumentException("age groups must start at distinct ascending ages: " + ageGroupsFrom);
        }
        this.tree = tree;
        this.counts = counts;
        this.ages = ages;
        this.profiles = profiles;
        this.ageGroupsFrom = List.copyOf(ageGroupsFrom);
        this.ageGroupsKey = "age groups from " + ageGroupsFrom.stream().map(String::valueOf)
                .collect(Collectors.joining(","));
    }

    /**
     * Empty when the organisation was not founded by the date. The organisation's figures are those of the
     * organisations under it added up, with its own roll if it is a branch.
     */
    @QueryHandler
    public Optional<CountedMembership> handle(FindMembershipStatistics query) {
        return tree.apply(new FindOrganisationTree(query.orgId(), query.asOf())).map(root -> {
            List<String> branches = new ArrayList<>();
            collect(root, branches);
            // filled by the branches worked out at once (ADR 0068)
            Set<String> read = ConcurrentHashMap.newKeySet();
            // a roster read to work out its age groups gives its counts by status too: only the others are asked for
            Map<String, RosterTotals.Counts> byStatus = new ConcurrentHashMap<>();
            Map<String, List<Integer>> byAge = ages.on(branches, query.asOf(), ageGroupsKey, roster -> {
                byStatus.put(roster.orgId(), RosterTotalsQueries.counts(roster));
                return ageGroupsOf(roster, query.asOf(), read);
            });
            byStatus.putAll(counts.apply(branches.stream().filter(branch -> !byStatus.containsKey(branch)).toList(),
                    query.asOf()));
            Tally total = new Tally();
            total.add(root.orgId(), byStatus, byAge);
            List<MembershipStatistics.Figures> under = new ArrayList<>();
            for (OrganisationTree child : root.children()) {
                List<String> branchesUnder = new ArrayList<>();
                collect(child, branchesUnder);
                Tally tally = new Tally();
                branchesUnder.forEach(orgId -> tally.add(orgId, byStatus, byAge));
                total.add(tally);
                under.add(tally.figures(child));
            }
            return new CountedMembership(new MembershipStatistics(query.asOf(), total.figures(root), under),
                    Set.copyOf(read));
        });
    }

    /**
     * The roster's counted members by age group on the date, then those of unknown age, from their dates of birth in
     * the register, all read at once; and the days on which a member's age group may change, around each birthday
     * at which one begins (the day after too: someone born on 29 February comes of age on 1 March in other years).
     */
    private BirthDateFigures ageGroupsOf(BranchRoster roster, LocalDate asOf, Set<String> read) {
        List<String> personIds = roster.members().stream().filter(BranchRoster.Entry::counted)
                .map(BranchRoster.Entry::personId).filter(Objects::nonNull).toList();
        read.addAll(personIds);
        Map<String, PersonProfile> registered = profiles.profilesOn(personIds, asOf);
        int[] figures = new int[ageGroupsFrom.size() + 1];
        Set<LocalDate> changeDays = new HashSet<>();
        for (BranchRoster.Entry entry : roster.members()) {
            if (entry.counted()) {
                PersonProfile profile = entry.personId() == null ? null : registered.get(entry.personId());
                LocalDate born = profile == null ? null : profile.dateOfBirth();
                int group = groupOf(born, asOf);
                figures[group < 0 ? ageGroupsFrom.size() : group]++;
                if (born != null) {
                    for (int age : ageGroupsFrom) {
                        changeDays.add(born.plusYears(age));
                        changeDays.add(born.plusYears(age).plusDays(1));
                    }
                }
            }
        }
        return new BirthDateFigures(Arrays.stream(figures).boxed().toList(), changeDays);
    }

    /** The age group on the date of someone born on {@code born}; -1 when unknown, or younger than the first group. */
    private int groupOf(LocalDate born, LocalDate asOf) {
        if (born == null) {
            return -1;
        }
        int age = Period.between(born, asOf).getYears();
        int group = -1;
        for (int candidate = 0; candidate < ageGroupsFrom.size(); candidate++) {
            if (age >= ageGroupsFrom.get(candidate)) {
                group = candidate;
            }
        }
        return group;
    }

    /** The counts over some branches' rolls, before they become an organisation's figures. */
    private final class Tally {

        private RosterTotals.Counts byStatus = RosterTotals.Counts.NONE;
        private final int[] byAge = new int[ageGroupsFrom.size()];
        private int ageUnknown;

        /** The branch's roll, if it has one. */
        void add(String orgId, Map<String, RosterTotals.Counts> statuses, Map<String, List<Integer>> ages) {
            RosterTotals.Counts counted = statuses.get(orgId);
            List<Integer> aged = ages.get(orgId);
            if (counted == null || aged == null) {
                return;
            }
            byStatus = byStatus.plus(counted);
            for (int group = 0; group < byAge.length; group++) {
                byAge[group] += aged.get(group);
            }
            ageUnknown += aged.get(byAge.length);
        }

        void add(Tally other) {
            byStatus = byStatus.plus(other.byStatus);
            for (int group = 0; group < byAge.length; group++) {
                byAge[group] += other.byAge[group];
            }
            ageUnknown += other.ageUnknown;
        }

        MembershipStatistics.Figures figures(OrganisationTree organisation) {
            List<MembershipStatistics.AgeGroup> groups = new ArrayList<>();
            for (int group = 0; group < byAge.length; group++) {
                groups.add(new MembershipStatistics.AgeGroup(ageGroupsFrom.get(group),
                        group + 1 < byAge.length ? ageGroupsFrom.get(group + 1) - 1 : null, byAge[group]));
            }
            return new MembershipStatistics.Figures(organisation.orgId(), organisation.name(), byStatus, groups,
                    ageUnknown);
        }
    }

    /** The branches at or under the organisation: only a branch has a roll. */
    private static void collect(OrganisationTree organisation, List<String> into) {
        if (organisation.kind().isBranch()) {
            into.add(organisation.orgId());
        }
        organisation.children().forEach(child -> collect(child, into));
    }
}
