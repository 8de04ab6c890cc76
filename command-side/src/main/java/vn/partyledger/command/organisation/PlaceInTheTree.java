package vn.partyledger.command.organisation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.domain.organisation.ChangeOrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationRenamed;
import vn.partyledger.domain.organisation.OrganisationReparented;
import vn.partyledger.domain.organisation.OrganisationRoleChanged;
import vn.partyledger.domain.organisation.RenameOrganisation;
import vn.partyledger.domain.organisation.ReparentOrganisation;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;

import java.time.LocalDate;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The organisation's name, parent and flags, each kept by effective date so the tree can be read as it stood on any
 * day (docs/rules.md#s3-5): decisions are keyed in late and out of order, and authority is looked up as of a date
 * (docs/rules.md#s3-1). Each change is a decision effective while the organisation exists.
 */
final class PlaceInTheTree implements RecruitmentTargets.Superiors {

    private final Lifetime lifetime;
    private Timeline<String> names = Timeline.empty();
    private Timeline<String> parents = Timeline.empty();
    private Timeline<OrganisationFlags> flags = Timeline.empty();

    PlaceInTheTree(Lifetime lifetime) {
        this.lifetime = lifetime;
    }

    Timeline<String> names() {
        return names;
    }

    Timeline<String> parents() {
        return parents;
    }

    Timeline<OrganisationFlags> flags() {
        return flags;
    }

    /** The organisation it hangs under on the date; empty at the top of the tree. */
    @Override
    public Optional<String> parentOn(LocalDate date) {
        return parents.on(date);
    }

    @CommandHandler
    void handle(RenameOrganisation command, Today today) {
        Lifetime.everyChangeIsADecision(command.decision());
        today.changeHasTakenEffect("renaming", command.effectiveDate(), command.decision());
        lifetime.anOrganisationChangesOnlyWhileItExists(command.effectiveDate());
        apply(new OrganisationRenamed(lifetime.orgId(), command.newName(), command.effectiveDate()));
    }

    @CommandHandler
    void handle(ReparentOrganisation command, OrganisationRegistry registry, Today today) {
        Lifetime.everyChangeIsADecision(command.decision());
        today.changeHasTakenEffect("re-parenting", command.effectiveDate(), command.decision());
        lifetime.anOrganisationChangesOnlyWhileItExists(command.effectiveDate());
        parentMustExistOnTheEffectiveDate(command, registry);
        anOrganisationIsNeverItsOwnAncestor(command, registry);
        apply(new OrganisationReparented(lifetime.orgId(), parents.on(command.effectiveDate()).orElse(null),
                command.newParentOrgId(), command.effectiveDate()));
    }

    @CommandHandler
    void handle(ChangeOrganisationFlags command, Today today) {
        Lifetime.everyChangeIsADecision(command.decision());
        today.changeHasTakenEffect("change of flags", command.effectiveDate(), command.decision());
        lifetime.anOrganisationChangesOnlyWhileItExists(command.effectiveDate());
        apply(new OrganisationRoleChanged(lifetime.orgId(), command.flags(), command.effectiveDate()));
    }

    /** The founding's parent is checked by {@link Founding}; this is the same rule for a new parent. */
    private static void parentMustExistOnTheEffectiveDate(ReparentOrganisation command, OrganisationRegistry registry) {
        if (!registry.existsOn(command.newParentOrgId(), command.effectiveDate())) {
            throw new RuleViolation(Invariant.I1, "parentMustExistOnTheEffectiveDate",
                    "The new parent organisation " + command.newParentOrgId() + " does not exist on "
                            + command.effectiveDate() + ", so nothing can be placed under it.");
        }
    }

    /** Walks up from the new parent as the tree stands on the effective date; a cycle would never reach the top. */
    private void anOrganisationIsNeverItsOwnAncestor(ReparentOrganisation command, OrganisationRegistry registry) {
        String orgId = lifetime.orgId();
        if (registry.isSelfOrAncestor(orgId, command.newParentOrgId(), command.effectiveDate())) {
            throw new RuleViolation(Invariant.I1, "anOrganisationIsNeverItsOwnAncestor",
                    "Organisation " + orgId + " cannot be placed under " + command.newParentOrgId()
                            + ", which is itself below " + orgId + " on " + command.effectiveDate() + ".");
        }
    }

    @EventSourcingHandler
    void on(OrganisationEstablished event) {
        names = names.with(event.effectiveDate(), event.name());
        if (event.parentOrgId() != null) {
            parents = parents.with(event.effectiveDate(), event.parentOrgId());
        }
        flags = flags.with(event.effectiveDate(), event.flags() == null ? OrganisationFlags.NONE : event.flags());
    }

    @EventSourcingHandler
    void on(OrganisationRenamed event) {
        names = names.with(event.effectiveDate(), event.newName());
    }

    @EventSourcingHandler
    void on(OrganisationReparented event) {
        parents = parents.with(event.effectiveDate(), event.newParentOrgId());
    }

    @EventSourcingHandler
    void on(OrganisationRoleChanged event) {
        flags = flags.with(event.effectiveDate(), event.flags());
    }
}
