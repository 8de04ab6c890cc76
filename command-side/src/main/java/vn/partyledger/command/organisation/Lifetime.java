package vn.partyledger.command.organisation;

import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.domain.organisation.OrganisationDissolved;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;

import java.time.LocalDate;

/**
 * What the organisation is and when it exists: its kind, from the day it was founded until the day before it was
 * dissolved. Every other part of the organisation reads this view to know whether a change can take effect on a date
 * (docs/rules.md#ORGANISATION_LIFETIME), and every change rests on a decision (docs/rules.md#DECISION).
 */
final class Lifetime {

    private String orgId;
    private OrganisationKind kind;
    private LocalDate establishedOn;
    private LocalDate dissolvedOn;

    String orgId() {
        return orgId;
    }

    /** What other aggregates may know of the organisation, with what the other parts keep of it over time. */
    RegisteredOrganisation registration(Timeline<Integer> fullMembersOnRoll, Timeline<Integer> leadersInOffice,
                                        PlaceInTheTree place) {
        return new RegisteredOrganisation(orgId, kind, establishedOn, dissolvedOn, fullMembersOnRoll, leadersInOffice,
                place.names(), place.parents(), place.flags());
    }

    boolean activeOn(LocalDate date) {
        return !date.isBefore(establishedOn) && (dissolvedOn == null || date.isBefore(dissolvedOn));
    }

    /** Whether members can be on its roll on the date: only a branch has one, and only while it exists. */
    boolean isBranchOn(LocalDate date) {
        return kind.isBranch() && activeOn(date);
    }

    /** Whether it existed on any day of the year, the year it was founded and the year it was dissolved included. */
    boolean existedIn(int year) {
        return establishedOn.getYear() <= year && (dissolvedOn == null || dissolvedOn.getYear() >= year);
    }

    static void everyChangeIsADecision(DecisionRef decision) {
        if (decision == null) {
            throw new RuleViolation(Invariant.DECISION, "everyChangeIsADecision",
                    "A change to an organisation is recorded only with the decision that made it.");
        }
    }

    void anOrganisationChangesOnlyWhileItExists(LocalDate effectiveDate) {
        if (!activeOn(effectiveDate)) {
            throw new RuleViolation(Invariant.ORGANISATION_LIFETIME, "anOrganisationChangesOnlyWhileItExists",
                    "Organisation " + orgId + " exists from " + establishedOn
                            + (dissolvedOn == null ? "" : " until the day before " + dissolvedOn)
                            + ", so nothing about it can take effect on " + effectiveDate + ".");
        }
    }

    @EventSourcingHandler
    void on(OrganisationEstablished event) {
        orgId = event.orgId();
        kind = event.kind();
        establishedOn = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(OrganisationDissolved event) {
        dissolvedOn = event.effectiveDate();
    }
}
