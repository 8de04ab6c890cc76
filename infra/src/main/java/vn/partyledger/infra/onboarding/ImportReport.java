package vn.partyledger.infra.onboarding;

import vn.partyledger.domain.member.MemberStatus;

import java.util.List;
import java.util.Map;

/**
 * What an import did. {@code outcome}: REFUSED (a line failed the checks, nothing was written), COMPLETED, or
 * COMPLETED_WITH_REFUSALS (a line was refused while writing; the others landed, and running the file again after the
 * fix resumes it). {@code leaderships} counts the organisation lines that state a leadership in office. {@code totals}:
 * per branch of the file, the members by status the file states and the roster shows. {@code seconds} is the whole
 * run; of it, {@code checkingSeconds} read and checked the file and {@code writingSeconds} wrote it (the rest waited
 * for the rosters to show the totals).
 */
public record ImportReport(String outcome,
                           int lines,
                           Counts organisations,
                           Counts members,
                           Counts leaderships,
                           List<LineRefusal> refusals,
                           List<BranchTotal> totals,
                           double seconds,
                           double checkingSeconds,
                           double writingSeconds) {

    public static final String REFUSED = "REFUSED";
    public static final String COMPLETED = "COMPLETED";
    public static final String COMPLETED_WITH_REFUSALS = "COMPLETED_WITH_REFUSALS";

    /** Lines of a kind in the file, and what became of them. */
    public record Counts(int inFile, int imported, int alreadyThere, int refused) {
    }

    public record BranchTotal(String orgId, Map<MemberStatus, Integer> inFile, Map<MemberStatus, Integer> onRoster,
                              boolean matches) {
    }

    /** Members written per second of writing. */
    public double membersPerSecond() {
        return writingSeconds > 0 ? members.imported() / writingSeconds : 0;
    }
}
