package vn.partyledger.bench.province;

import java.util.List;
import java.util.Map;

/**
 * A generated province: the import file of its population, then its history as commands, one list per ward of 1 Jul
 * 2025 (each list in the order it must be sent; lists are independent of each other), and what a report names.
 *
 * @param commandsByKind  how many commands of each kind the history holds
 * @param largestBranchId the branch with the most members before 1 Jul 2025, whose past roster the queries read
 * @param largestBranchSuccessorId the branch it merged into on 1 Jul 2025, whose roster the queries read
 * @param timelineMemberId a member admitted during the history, whose timeline the queries read
 * @param longLivedMemberId a full member the history leaves alone, whose record a scenario makes long
 * @param longLivedBranchId that member's branch since 1 Jul 2025, which records the member's lost and restored
 *                          contact
 */
public record ProvincePlan(ProvinceShape shape, String importFile, List<List<PlannedCommand>> history,
                           Map<String, Integer> commandsByKind, int wards, int branches, int newWards,
                           String largestBranchId, String largestBranchSuccessorId, String timelineMemberId,
                           String longLivedMemberId, String longLivedBranchId) {

    public int commands() {
        return history.stream().mapToInt(List::size).sum();
    }
}
