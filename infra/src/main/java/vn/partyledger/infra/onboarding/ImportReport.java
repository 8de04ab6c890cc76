package vn.partyledger.infra.onboarding;

import vn.partyledger.domain.member.MemberStatus;

import java.util.List;
import java.util.Map;

/**
 * What an import did. {@code outcome}: REFUSED (a line failed the checks, nothing was written), COMPLETED, or
 * COMPLETED_WITH_REFUSALS (a line was refused while writing; the others landed, and running the file again after the
 * fix resumes it). {@code totals}: per branch of the file, the members by status the file states and the roster shows.
 */
public record ImportReport(String outcome,
                           int lines,
                           Counts organisations,
                           Counts members,
                           List<LineRefusal> refusals,
                           List<BranchTotal> totals,
                           double seconds) {

    public static final String REFUSED = "REFUSED";
    public static final String COMPLETED = "COMPLETED";
    public static final String COMPLETED_WITH_REFUSALS = "COMPLETED_WITH_REFUSALS";

    /** Lines of a kind in the file, and what became of them. */
    public record Counts(int inFile, int imported, int alreadyThere, int refused) {
    }

    public record BranchTotal(String orgId, Map<MemberStatus, Integer> inFile, Map<MemberStatus, Integer> onRoster,
                              boolean matches) {
    }

    public double membersPerSecond() {
        return seconds > 0 ? members.imported() / seconds : 0;
    }
}
