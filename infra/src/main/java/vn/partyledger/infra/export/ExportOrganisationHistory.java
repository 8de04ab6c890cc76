package vn.partyledger.infra.export;

import java.time.LocalDate;

/**
 * Asks for an organisation's own history on business dates {@code from} to {@code to}, as the log holds it, with its
 * proofs; held to the permission table.
 */
public record ExportOrganisationHistory(String orgId, LocalDate from, LocalDate to) {
}
