package vn.partyledger.infra.audit;

import java.time.Instant;

/** One read of personal data: who (user, role, the organisation acted for), when, whose data, what and why. */
public record AccessRecord(Instant at, String userId, String role, String actingForOrgId, String personId,
                           AccessedData data, AccessPurpose purpose) {
}
