package vn.partyledger.infra.person;

import java.time.LocalDate;

/**
 * A read of a person's register entry as it stood on a date: personal data, so it is checked against the permission
 * table like any command or query before anything is read (docs/permissions.md).
 */
public record ReadPersonalData(String personId, LocalDate asOf) {
}
