package vn.partyledger.command.organisation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The grassroots party organisation (tổ chức cơ sở đảng) a branch belongs to on a date: the branch itself when it is a
 * grassroots branch, otherwise the nearest grassroots committee above it. It decides temporary exemptions (I15) and
 * issues the transfer letters of its members (I16).
 */
public interface GrassrootsOrganisations {

    Optional<String> of(String branchId, LocalDate date);
}
