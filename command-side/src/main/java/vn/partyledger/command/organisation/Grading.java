package vn.partyledger.command.organisation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.domain.organisation.GradeOrganisation;
import vn.partyledger.domain.organisation.OrganisationGraded;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The organisation's yearly quality grading: once a year (docs/rules.md#ORGANISATION_GRADE), and only for a year it
 * existed in (docs/rules.md#ORGANISATION_LIFETIME). A grade is for a year rather than a day, so it is checked against
 * the years the organisation existed in.
 */
final class Grading {

    private final Lifetime lifetime;
    private final Set<Integer> gradedYears = new HashSet<>();

    Grading(Lifetime lifetime) {
        this.lifetime = lifetime;
    }

    @CommandHandler
    void handle(GradeOrganisation command, Today today) {
        Lifetime.everyChangeIsADecision(command.decision());
        today.decisionIsNotInTheFuture(command.decision());
        anOrganisationIsGradedOnlyForAYearItExisted(command.year());
        anOrganisationIsGradedOncePerYear(command.year());
        apply(new OrganisationGraded(lifetime.orgId(), command.year(), command.grade()));
    }

    private void anOrganisationIsGradedOnlyForAYearItExisted(int year) {
        if (!lifetime.existedIn(year)) {
            throw new RuleViolation(Invariant.ORGANISATION_LIFETIME, "anOrganisationIsGradedOnlyForAYearItExisted",
                    "Organisation " + lifetime.orgId() + " did not exist in " + year
                            + ", so it cannot be graded for it.");
        }
    }

    private void anOrganisationIsGradedOncePerYear(int year) {
        if (gradedYears.contains(year)) {
            throw new RuleViolation(Invariant.ORGANISATION_GRADE, "anOrganisationIsGradedOncePerYear",
                    "Organisation " + lifetime.orgId() + " already has a grade for " + year
                            + "; it is graded once a year.");
        }
    }

    @EventSourcingHandler
    void on(OrganisationGraded event) {
        gradedYears.add(event.year());
    }
}
