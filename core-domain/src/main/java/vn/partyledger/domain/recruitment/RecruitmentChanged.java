package vn.partyledger.domain.recruitment;

/**
 * The update a live recruitment dashboard receives: a figure of {@code year} under {@code orgId} (a branch, or the
 * organisation a target was set for; null for a member placed in no branch) may have changed. Each subscriber reads its
 * dashboard again.
 */
public record RecruitmentChanged(String orgId, int year) {
}
