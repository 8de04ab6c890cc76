package vn.partyledger.command.organisation;

import vn.partyledger.domain.organisation.EstablishOrganisation;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;

/**
 * The rules of founding an organisation (docs/rules.md#I1, docs/rules.md#BRANCH_TYPE): it hangs under a parent that
 * exists, only a branch has a branch type, and a small one is founded only on the superior's decision.
 */
final class Founding {

    private Founding() {
    }

    /** The event that records the founding, once every founding rule holds; a small founding carries a warning. */
    static OrganisationEstablished established(EstablishOrganisation command, OrganisationRegistry registry,
                                               Today today) {
        today.changeHasTakenEffect("founding", command.effectiveDate(), command.decision());
        parentMustExistOnTheEffectiveDate(command, registry);
        onlyBranchesHaveABranchType(command);
        boolean belowMinimum = command.kind().needsFoundingMembers()
                && command.foundingFullMembers() < OrganisationKind.MIN_FULL_MEMBERS;
        foundingBelowThreeFullMembersNeedsADecision(command, belowMinimum);
        return new OrganisationEstablished(command.orgId(), command.name(), command.kind(), command.branchType(),
                command.parentOrgId(), command.adminUnitCode(), command.flags(), command.foundingFullMembers(),
                belowMinimum, command.effectiveDate());
    }

    private static void parentMustExistOnTheEffectiveDate(EstablishOrganisation command, OrganisationRegistry registry) {
        if (command.parentOrgId() == null) {
            if (command.kind() != OrganisationKind.CENTRAL && command.kind() != OrganisationKind.PROVINCIAL) {
                throw new RuleViolation(Invariant.I1, "parentMustExistOnTheEffectiveDate",
                        "Only a central or provincial organisation may be established without a parent organisation.");
            }
            return;
        }
        if (!registry.existsOn(command.parentOrgId(), command.effectiveDate())) {
            throw new RuleViolation(Invariant.I1, "parentMustExistOnTheEffectiveDate",
                    "The parent organisation " + command.parentOrgId() + " does not exist on "
                            + command.effectiveDate() + ", so nothing can be established under it.");
        }
    }

    private static void onlyBranchesHaveABranchType(EstablishOrganisation command) {
        if (command.kind().isBranch() != (command.branchType() != null)) {
            throw new RuleViolation(Invariant.BRANCH_TYPE, "onlyBranchesHaveABranchType",
                    "A branch needs a branch type and any other kind of organisation must not have one.");
        }
    }

    private static void foundingBelowThreeFullMembersNeedsADecision(EstablishOrganisation command,
                                                                    boolean belowMinimum) {
        if (belowMinimum && command.decision() == null) {
            throw new RuleViolation(Invariant.I1, "foundingBelowThreeFullMembersNeedsADecision",
                    "An organisation founded with fewer than " + OrganisationKind.MIN_FULL_MEMBERS
                            + " full members needs the superior committee's decision reference.");
        }
    }
}
