package vn.partyledger.command.organisation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.organisation.EstablishOrganisation;
import vn.partyledger.domain.organisation.MemberEnrolled;
import vn.partyledger.domain.organisation.MemberReleased;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.shared.RuleViolation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A party organisation: a node of the tree, founded, changed and closed by decisions. */
public class Organisation {

    /** Charter Art. 21.2: an organisation may be formed where there are at least three full members. */
    static final int MIN_FOUNDING_FULL_MEMBERS = 3;

    @AggregateIdentifier
    private String orgId;
    private OrganisationKind kind;
    private LocalDate establishedOn;
    /** The home members on the roll and their status: what I2's collective transfers and vote counts rely on. */
    private final Map<String, MemberStatus> roll = new HashMap<>();

    protected Organisation() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Organisation(EstablishOrganisation command, OrganisationRegistry registry) {
        parentMustExistOnTheEffectiveDate(command, registry);
        onlyBranchesHaveABranchType(command);
        boolean belowMinimum = command.kind().needsFoundingMembers()
                && command.foundingFullMembers() < MIN_FOUNDING_FULL_MEMBERS;
        foundingBelowThreeFullMembersNeedsADecision(command, belowMinimum);
        apply(new OrganisationEstablished(command.orgId(), command.name(), command.kind(), command.branchType(),
                command.parentOrgId(), command.adminUnitCode(), command.flags(), command.foundingFullMembers(),
                belowMinimum, command.effectiveDate()));
    }

    private static void parentMustExistOnTheEffectiveDate(EstablishOrganisation command, OrganisationRegistry registry) {
        if (command.parentOrgId() == null) {
            if (command.kind() != OrganisationKind.CENTRAL && command.kind() != OrganisationKind.PROVINCIAL) {
                throw new RuleViolation("I1", "parentMustExistOnTheEffectiveDate",
                        "Only a central or provincial organisation may be established without a parent organisation.");
            }
            return;
        }
        boolean parentActive = registry.find(command.parentOrgId())
                .filter(parent -> parent.activeOn(command.effectiveDate()))
                .isPresent();
        if (!parentActive) {
            throw new RuleViolation("I1", "parentMustExistOnTheEffectiveDate",
                    "The parent organisation " + command.parentOrgId() + " does not exist on "
                            + command.effectiveDate() + ", so nothing can be established under it.");
        }
    }

    private static void onlyBranchesHaveABranchType(EstablishOrganisation command) {
        if (command.kind().isBranch() != (command.branchType() != null)) {
            throw new RuleViolation("BRANCH_TYPE", "onlyBranchesHaveABranchType",
                    "A branch needs a branch type and any other kind of organisation must not have one.");
        }
    }

    private static void foundingBelowThreeFullMembersNeedsADecision(EstablishOrganisation command,
                                                                    boolean belowMinimum) {
        if (belowMinimum && command.decision() == null) {
            throw new RuleViolation("I1", "foundingBelowThreeFullMembersNeedsADecision",
                    "An organisation founded with fewer than " + MIN_FOUNDING_FULL_MEMBERS
                            + " full members needs the superior committee's decision reference.");
        }
    }

    /** Puts a member on this organisation's roll; called by a member command in the same unit of work. */
    void enrol(String memberId, MemberStatus status, LocalDate effectiveDate) {
        onlyABranchThatExistsOnTheDateTakesMembers(effectiveDate);
        if (status.equals(roll.get(memberId))) {
            return;
        }
        apply(new MemberEnrolled(orgId, memberId, status, effectiveDate));
    }

    private void onlyABranchThatExistsOnTheDateTakesMembers(LocalDate date) {
        if (!kind.isBranch() || !registration().activeOn(date)) {
            throw new RuleViolation("I27", "memberBelongsToABranchThatExistsOnTheBusinessDate",
                    "Organisation " + orgId + " is not a branch that exists on " + date
                            + ", so no member can be put on its roll.");
        }
    }

    RegisteredOrganisation registration() {
        int fullMembers = (int) roll.values().stream().filter(status -> status == MemberStatus.FULL).count();
        return new RegisteredOrganisation(orgId, kind, establishedOn, null, fullMembers);
    }

    @EventSourcingHandler
    void on(MemberEnrolled event) {
        roll.put(event.memberId(), event.status());
    }

    @EventSourcingHandler
    void on(OrganisationEstablished event) {
        orgId = event.orgId();
        kind = event.kind();
        establishedOn = event.effectiveDate();
    }

    // ---- Leaving the roll (added for transfers; the organisation owner may fold it into their own) ----

    /** Takes a member off the roll; called by a member command in the same unit of work. */
    void release(String memberId, LocalDate effectiveDate) {
        if (!roll.containsKey(memberId)) {
            throw new RuleViolation("I2", "onlyAMemberOnTheRollIsReleased",
                    "Member " + memberId + " is not on the roll of " + orgId + ", so they cannot leave it.");
        }
        apply(new MemberReleased(orgId, memberId, effectiveDate));
    }

    @EventSourcingHandler
    void on(MemberReleased event) {
        roll.remove(event.memberId());
    }
}
