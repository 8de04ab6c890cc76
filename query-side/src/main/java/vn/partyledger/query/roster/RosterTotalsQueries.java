package vn.partyledger.query.roster;

import org.axonframework.queryhandling.QueryHandler;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.roster.FindRosterTotals;
import vn.partyledger.domain.roster.RosterTotals;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.domain.tree.OrganisationTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rolls the branch rosters up the tree (ADR 0036): the branches under an organisation on a date are the tree's of that
 * day (ADR 0032), and each is counted from its own roster of that day, so a ward's figures are the sum of its
 * branches' as the branch roster shows them.
 */
public class RosterTotalsQueries {

    private final Function<FindOrganisationTree, Optional<OrganisationTree>> tree;
    private final Function<FindBranchRoster, Optional<BranchRoster>> rosters;

    public RosterTotalsQueries(Function<FindOrganisationTree, Optional<OrganisationTree>> tree,
                               Function<FindBranchRoster, Optional<BranchRoster>> rosters) {
        this.tree = tree;
        this.rosters = rosters;
    }

    /** Empty when the organisation was not founded by the date. */
    @QueryHandler
    Optional<RosterTotals> handle(FindRosterTotals query) {
        return tree.apply(new FindOrganisationTree(query.orgId(), query.asOf())).map(root -> {
            List<RosterTotals.BranchCounts> branches = new ArrayList<>();
            collect(root, query, branches);
            RosterTotals.Counts total = branches.stream().map(RosterTotals.BranchCounts::counts)
                    .reduce(new RosterTotals.Counts(0, 0, 0, 0, 0, 0, 0, 0, 0), RosterTotalsQueries::sum);
            return new RosterTotals(root.orgId(), root.name(), query.asOf(), total, List.copyOf(branches));
        });
    }

    private void collect(OrganisationTree organisation, FindRosterTotals query,
                         List<RosterTotals.BranchCounts> into) {
        rosters.apply(new FindBranchRoster(organisation.orgId(), query.asOf())).ifPresent(roster ->
                into.add(new RosterTotals.BranchCounts(roster.orgId(), roster.name(), counts(roster))));
        organisation.children().forEach(child -> collect(child, query, into));
    }

    private static RosterTotals.Counts counts(BranchRoster roster) {
        List<BranchRoster.Entry> counted = roster.members().stream().filter(BranchRoster.Entry::counted).toList();
        return new RosterTotals.Counts(roster.headcount(),
                (int) counted.stream().filter(entry -> entry.status() == MemberStatus.FULL).count(),
                (int) counted.stream().filter(entry -> entry.status() == MemberStatus.PROBATIONARY).count(),
                (int) counted.stream().filter(entry -> exempt(entry, ExemptionKind.FULL)).count(),
                (int) counted.stream().filter(entry -> exempt(entry, ExemptionKind.TEMPORARY)).count(),
                (int) counted.stream().filter(entry -> entry.attachment() != null).count(),
                (int) roster.members().stream().filter(BranchRoster.Entry::attachedIn).count(),
                (int) counted.stream().filter(BranchRoster.Entry::suspended).count(),
                (int) counted.stream().filter(entry -> entry.lostContactSince() != null).count());
    }

    private static boolean exempt(BranchRoster.Entry entry, ExemptionKind kind) {
        return entry.exemption() != null && entry.exemption().kind() == kind;
    }

    private static RosterTotals.Counts sum(RosterTotals.Counts a, RosterTotals.Counts b) {
        return new RosterTotals.Counts(a.headcount() + b.headcount(), a.full() + b.full(),
                a.probationary() + b.probationary(), a.fullyExempt() + b.fullyExempt(),
                a.temporarilyExempt() + b.temporarilyExempt(), a.attachedOut() + b.attachedOut(),
                a.attachedIn() + b.attachedIn(), a.suspended() + b.suspended(), a.lostContact() + b.lostContact());
    }
}
