package vn.partyledger.query.statistics;

import org.axonframework.queryhandling.QueryHandler;
import vn.partyledger.domain.person.PersonProfile;
import vn.partyledger.domain.person.PersonProfiles;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.roster.RosterTotals;
import vn.partyledger.domain.statistics.CountedMembership;
import vn.partyledger.domain.statistics.FindMembershipStatistics;
import vn.partyledger.domain.statistics.MembershipStatistics;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.domain.tree.OrganisationTree;
import vn.partyledger.query.roster.RosterTotalsQueries;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The members on the rolls under an organisation on a date (ADR 0039): each branch under it in the tree of that day
 * counted from its roster of that day, by status as the roll-up counts them (ADR 0036, in transit included), and by
 * age group from each member's date of birth in the register as it stood that day. Only counts leave this class, with
 * the persons whose date of birth was read, for the access audit.
 */
public class MembershipOnDateQueries {

    private final Function<FindOrganisationTree, Optional<OrganisationTree>> tree;
    private final Function<FindBranchRoster, Optional<BranchRoster>> rosters;
    private final PersonProfiles profiles;
    private final List<Integer> ageGroupsFrom;

    /** {@code ageGroupsFrom}: each age group's lowest age, ascending; the last group has no upper bound. */
    public MembershipOnDateQueries(Function<FindOrganisationTree, Optional<OrganisationTree>> tree,
                                   Function<FindBranchRoster, Optional<BranchRoster>> rosters,
                                   PersonProfiles profiles, List<Integer> ageGroupsFrom) {
        if (ageGroupsFrom.isEmpty() || !ageGroupsFrom.stream().sorted().distinct().toList().equals(ageGroupsFrom)) {
            throw new IllegalArgumentException("age groups must start at distinct ascending ages: " + ageGroupsFrom);
        }
        this.tree = tree;
        this.rosters = rosters;
        this.profiles = profiles;
        this.ageGroupsFrom = List.copyOf(ageGroupsFrom);
    }

    /**
     * Empty when the organisation was not founded by the date. Each roster is read once: the organisation's figures
     * are those of the organisations under it added up, with its own roster if it is a branch.
     */
    @QueryHandler
    public Optional<CountedMembership> handle(FindMembershipStatistics query) {
        return tree.apply(new FindOrganisationTree(query.orgId(), query.asOf())).map(root -> {
            Tally total = new Tally();
            rosters.apply(new FindBranchRoster(root.orgId(), query.asOf()))
                    .ifPresent(own -> total.add(own, query.asOf()));
            List<MembershipStatistics.Figures> under = new ArrayList<>();
            for (OrganisationTree child : root.children()) {
                Tally tally = new Tally();
                collect(child, query.asOf(), tally);
                total.add(tally);
                under.add(tally.figures(child));
            }
            return new CountedMembership(new MembershipStatistics(query.asOf(), total.figures(root), under),
                    Set.copyOf(total.read));
        });
    }

    /** The counts over some branches' rosters, before they become an organisation's figures. */
    private final class Tally {

        private RosterTotals.Counts byStatus = RosterTotals.Counts.NONE;
        private final int[] byAge = new int[ageGroupsFrom.size()];
        private int ageUnknown;
        private final Set<String> read = new HashSet<>();

        /** The roster's members counted, their dates of birth read from the register all at once. */
        void add(BranchRoster roster, LocalDate asOf) {
            byStatus = byStatus.plus(RosterTotalsQueries.counts(roster));
            List<String> personIds = roster.members().stream().filter(BranchRoster.Entry::counted)
                    .map(BranchRoster.Entry::personId).filter(Objects::nonNull).toList();
            read.addAll(personIds);
            Map<String, PersonProfile> registered = profiles.profilesOn(personIds, asOf);
            for (BranchRoster.Entry entry : roster.members()) {
                if (entry.counted()) {
                    int group = groupOf(entry.personId() == null ? null : registered.get(entry.personId()), asOf);
                    if (group < 0) {
                        ageUnknown++;
                    } else {
                        byAge[group]++;
                    }
                }
            }
        }

        void add(Tally other) {
            byStatus = byStatus.plus(other.byStatus);
            for (int group = 0; group < byAge.length; group++) {
                byAge[group] += other.byAge[group];
            }
            ageUnknown += other.ageUnknown;
            read.addAll(other.read);
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

        /** The member's age group on the date; -1 without a date of birth, or younger than the first group. */
        private int groupOf(PersonProfile profile, LocalDate asOf) {
            if (profile == null || profile.dateOfBirth() == null) {
                return -1;
            }
            int age = Period.between(profile.dateOfBirth(), asOf).getYears();
            int group = -1;
            for (int candidate = 0; candidate < ageGroupsFrom.size(); candidate++) {
                if (age >= ageGroupsFrom.get(candidate)) {
                    group = candidate;
                }
            }
            return group;
        }
    }

    private void collect(OrganisationTree organisation, LocalDate asOf, Tally into) {
        rosters.apply(new FindBranchRoster(organisation.orgId(), asOf)).ifPresent(roster -> into.add(roster, asOf));
        organisation.children().forEach(child -> collect(child, asOf, into));
    }
}
