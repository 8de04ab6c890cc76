package vn.partyledger.command.organisation;

import vn.partyledger.domain.organisation.OrganisationKind;

import java.time.LocalDate;

/**
 * What other aggregates may know of an organisation: its kind, the period it exists, and how many full members are on
 * its roll now (the denominator of the 2/3 votes, I5).
 */
public record RegisteredOrganisation(String orgId, OrganisationKind kind, LocalDate establishedOn, LocalDate dissolvedOn,
                                     int fullMembersOnRoll) {

    public boolean activeOn(LocalDate date) {
        return !date.isBefore(establishedOn) && (dissolvedOn == null || date.isBefore(dissolvedOn));
    }
}
