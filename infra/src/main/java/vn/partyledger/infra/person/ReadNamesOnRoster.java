package vn.partyledger.infra.person;

import java.time.LocalDate;

/**
 * A read of the names of the members on an organisation's roster as it stood on a date: personal data, checked against
 * the permission table before any name is read (docs/permissions.md), and each name given out is recorded in the
 * access audit.
 */
public record ReadNamesOnRoster(String orgId, LocalDate asOf) {
}
