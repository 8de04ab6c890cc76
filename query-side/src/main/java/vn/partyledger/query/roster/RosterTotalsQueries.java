package vn.partyledger.query.roster;

import org.axonframework.queryhandling.QueryHandler;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.roster.FindOrganisationRoster;
import vn.partyledger.domain.roster.FindRosterTotals;
import vn.partyledger.domain.roster.OrganisationRoster;
import vn.partyledger.domain.roster.RosterTotals;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.domain.tree.OrganisationTree;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Rolls the branch rosters up the tree (ADR 0036): the branches under an organisation on a date are the tree's of that
 * day (ADR 0032), and each is read from its own roster of that day, so a ward's roster and figures are its branches'
 * as the branch roster shows them. The figures are read from the counts kept of each branch's roll (ADR 0055), named
 * as the tree names the branch that day.
 */
public class RosterTotalsQueries {

    private final Function<FindOrganisationTree, Optional<OrganisationTree>> tree;
    private final Function<FindBranchRoster, Optional<BranchRoster>> rosters;
    private final BiFunction<Collection<String>, LocalDate, Map<String, RosterTotals.Counts>> counts;

    /** {@code counts} gives the counts on a date of the rolls of those of the branches that have one. */
    public RosterTotalsQueries(Function<FindOrganisationTree, Optional<OrganisationTree>> tree,
                               Function<FindBranchRoster, Optional<BranchRoster>> rosters,
                               BiFunction<Collection<String>, LocalDate, Map<String, RosterTotals.Counts>> counts) {
        this.tree = tree;
        this.rosters = rosters;
        this.counts = counts;
    }

    /** Empty when the organisation was not founded by the date. */
    @QueryHandler
    public Optional<OrganisationRoster> handle(FindOrganisationRoster query) {
        return rolledUp(query.orgId(), query.asOf());
    }

    /** Empty when the organisation was not founded by the date. */
    @QueryHandler
    Optional<RosterTotals> handle(FindRosterTotals query) {
        return tree.apply(new FindOrganisationTree(query.orgId(), query.asOf())).map(root -> {
            List<OrganisationTree> branchesUnder = new ArrayList<>();
            collectBranches(root, branchesUnder);
            Map<String, RosterTotals.Counts> counted = counts.apply(
                    branchesUnder.stream().map(OrganisationTree::orgId).toList(), query.asOf());
            List<RosterTotals.BranchCounts> branches = branchesUnder.stream()
                    .filter(branch -> counted.containsKey(branch.orgId()))
                    .map(branch -> new RosterTotals.BranchCounts(branch.orgId(), branch.name(),
                            counted.get(branch.orgId())))
                    .toList();
            RosterTotals.Counts total = branches.stream().map(RosterTotals.BranchCounts::counts)
                    .reduce(RosterTotals.Counts.NONE, RosterTotals.Counts::plus);
            return new RosterTotals(root.orgId(), root.name(), query.asOf(), total, branches);
        });
    }

    private static void collectBranches(OrganisationTree organisation, List<OrganisationTree> into) {
        if (organisation.kind().isBranch()) {
            into.add(organisation);
        }
        organisation.children().forEach(child -> collectBranches(child, into));
    }

    private Optional<OrganisationRoster> rolledUp(String orgId, LocalDate asOf) {
        return tree.apply(new FindOrganisationTree(orgId, asOf)).map(root -> {
            List<BranchRoster> branches = new ArrayList<>();
            collect(root, asOf, branches);
            return new OrganisationRoster(root.orgId(), root.name(), root.parentOrgId(), asOf, branches);
        });
    }

    private void collect(OrganisationTree organisation, LocalDate asOf, List<BranchRoster> into) {
        rosters.apply(new FindBranchRoster(organisation.orgId(), asOf)).ifPresent(into::add);
        organisation.children().forEach(child -> collect(child, asOf, into));
    }

    /** One roll's counts, as its roster of the day lists it; the membership statistics count the same way. */
    public static RosterTotals.Counts counts(BranchRoster roster) {
        List<BranchRoster.Entry> counted = roster.members().stream().filter(BranchRoster.Entry::counted).toList();
        return new RosterTotals.Counts(roster.headcount(), roster.presentCount(),
                count(counted, entry -> entry.status() == MemberStatus.FULL),
                count(counted, entry -> entry.status() == MemberStatus.PROBATIONARY),
                count(counted, entry -> exempt(entry, ExemptionKind.FULL)),
                count(counted, entry -> exempt(entry, ExemptionKind.TEMPORARY)),
                count(counted, entry -> entry.attachment() != null),
                count(roster.members(), BranchRoster.Entry::attachedIn),
                count(counted, entry -> entry.inTransit() != null),
                count(counted, BranchRoster.Entry::suspended),
                count(counted, entry -> entry.lostContactSince() != null));
    }

    private static int count(List<BranchRoster.Entry> entries, Predicate<BranchRoster.Entry> which) {
        return (int) entries.stream().filter(which).count();
    }

    private static boolean exempt(BranchRoster.Entry entry, ExemptionKind kind) {
        return entry.exemption() != null && entry.exemption().kind() == kind;
    }
}
