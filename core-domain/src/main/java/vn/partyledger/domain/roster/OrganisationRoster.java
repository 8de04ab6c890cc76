package vn.partyledger.domain.roster;

import java.time.LocalDate;
import java.util.List;

/**
 * The rolls under an organisation on a date: for a branch its own roster alone, for a ward or a province the roster of
 * every branch under it that day, in the tree's order. The headcount (đảng số) and the count of those present are the
 * sums of the branches'.
 */
public record OrganisationRoster(String orgId, String name, String parentOrgId, LocalDate asOf,
                                 List<BranchRoster> branches) {

    public OrganisationRoster {
        branches = List.copyOf(branches);
    }

    public int headcount() {
        return branches.stream().mapToInt(BranchRoster::headcount).sum();
    }

    public int exemptCount() {
        return branches.stream().mapToInt(BranchRoster::exemptCount).sum();
    }

    public int presentCount() {
        return branches.stream().mapToInt(BranchRoster::presentCount).sum();
    }
}
