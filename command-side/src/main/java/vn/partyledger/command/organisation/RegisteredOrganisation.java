package vn.partyledger.command.organisation;

import vn.partyledger.domain.organisation.OrganisationKind;

import java.time.LocalDate;

/** What other aggregates may know of an organisation: its kind and the period it exists. */
public record RegisteredOrganisation(String orgId, OrganisationKind kind, LocalDate establishedOn, LocalDate dissolvedOn) {

    public boolean activeOn(LocalDate date) {
        return !date.isBefore(establishedOn) && (dissolvedOn == null || date.isBefore(dissolvedOn));
    }
}
