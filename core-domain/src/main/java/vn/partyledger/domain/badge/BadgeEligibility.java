package vn.partyledger.domain.badge;

import vn.partyledger.domain.discipline.DisciplineForm;

import java.time.LocalDate;
import java.util.List;

/** The candidates for badges on an occasion (docs/rules.md#s19 BadgeEligibility), by branch, then member. */
public record BadgeEligibility(String orgId, LocalDate occasionDate, LocalDate asOf, List<Candidate> candidates) {

    /** Why a member is listed for the occasion. */
    public enum Ground {
        /** The party age reaches the level by the occasion. */
        REACHES_LEVEL,
        /** The level comes after the occasion but within the early allowance for a seriously ill member. */
        EARLY_IF_SERIOUSLY_ILL,
        /** The member died a full member at most the posthumous allowance before reaching the level. */
        POSTHUMOUS,
        /** The level is reached (or early), but a discipline defers the member past the occasion. */
        DEFERRED_BY_DISCIPLINE
    }

    /**
     * One member and the level: {@code reachesOn} the day the party age reaches it; {@code diedOn} for a posthumous
     * candidate; for a discipline still in effect, its {@code discipline} form and the day the member may be
     * {@code consideredFrom} — after it only with the branch's confirmation that the fault was corrected.
     */
    public record Candidate(String memberId, String branchId, Ground ground, int level, LocalDate reachesOn,
                            LocalDate diedOn, DisciplineForm discipline, LocalDate consideredFrom) {
    }
}
