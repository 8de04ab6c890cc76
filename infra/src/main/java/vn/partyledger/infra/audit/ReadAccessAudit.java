package vn.partyledger.infra.audit;

import java.time.LocalDate;

/**
 * A look into the access audit, for one person or all, over business days {@code from} to {@code to}; held to the
 * permission table like any query (only a security officer may).
 */
public record ReadAccessAudit(String personId, LocalDate from, LocalDate to) {
}
