package vn.partyledger.query.partyage;

import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.domain.tree.OrganisationTree;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rolls under an organisation on a date, as ADR 0036 rolls them up: the branches are the tree's of that day (ADR
 * 0032), each read from its own roster of that day.
 */
final class RollsUnder {

    /** The organisation as the tree stood that day, the ids of every organisation under it, and the branches' rosters. */
    record Rolls(OrganisationTree root, List<String> orgIds, List<BranchRoster> rosters) {

        /** The lines of the members on the rolls (in the headcount), branch by branch, as the rosters list them. */
        List<BranchRoster.Entry> counted() {
            return rosters.stream().flatMap(roster -> roster.members().stream()).filter(BranchRoster.Entry::counted)
                    .toList();
        }
    }

    private final Function<FindOrganisationTree, Optional<OrganisationTree>> tree;
    private final Function<FindBranchRoster, Optional<BranchRoster>> rosters;

    RollsUnder(Function<FindOrganisationTree, Optional<OrganisationTree>> tree,
               Function<FindBranchRoster, Optional<BranchRoster>> rosters) {
        this.tree = tree;
        this.rosters = rosters;
    }

    /** Empty when the organisation was not founded by the date. */
    Optional<Rolls> of(String orgId, LocalDate asOf) {
        return tree.apply(new FindOrganisationTree(orgId, asOf)).map(root -> {
            List<String> orgIds = new ArrayList<>();
            List<BranchRoster> found = new ArrayList<>();
            collect(root, asOf, orgIds, found);
            return new Rolls(root, List.copyOf(orgIds), List.copyOf(found));
        });
    }

    private void collect(OrganisationTree organisation, LocalDate asOf, List<String> orgIds, List<BranchRoster> into) {
        orgIds.add(organisation.orgId());
        rosters.apply(new FindBranchRoster(organisation.orgId(), asOf)).ifPresent(into::add);
        organisation.children().forEach(child -> collect(child, asOf, orgIds, into));
    }
}
