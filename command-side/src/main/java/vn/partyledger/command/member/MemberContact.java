package vn.partyledger.command.member;

import org.axonframework.commandhandling.CommandHandler;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.member.MemberContactRestored;
import vn.partyledger.domain.member.MemberLostContact;
import vn.partyledger.domain.member.RecordContactRestored;
import vn.partyledger.domain.member.RecordLostContact;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Whether the member is in contact with the party organisation (docs/rules.md#s4 overlay LOST_CONTACT, §7.1, §17.6). The
 * time of lost contact is a party-age gap, kept by {@link MemberPartyAge}, which these rules read. A member who lost
 * contact may still be struck off (typically for absence, ABSENCE_OR_DUES_3M): leaving the roll ends the lost contact,
 * and its gap runs on as the strike-off's (ADR 0017).
 */
class MemberContact {

    private final Standing standing;
    private final MemberPartyAge partyAge;

    MemberContact(Standing standing, MemberPartyAge partyAge) {
        this.standing = standing;
        this.partyAge = partyAge;
    }

    @CommandHandler
    void handle(RecordLostContact command, OrganisationRegistry registry, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        onlyAProbationaryOrFullMemberLosesContact();
        contactIsLostOnceUntilRestored();
        contactIsRecordedByTheMembersBranchOrACommitteeAboveIt(command.decision(), registry);
        aContactChangeIsRecordedNoEarlierThanItHappened(command.from(), command.decision());
        apply(new MemberLostContact(standing.memberId(), standing.homeOrgId(), command.from(),
                command.decision().issuingOrgId()));
    }

    @CommandHandler
    void handle(RecordContactRestored command, OrganisationRegistry registry, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        onlyLostContactIsRestored();
        contactIsRecordedByTheMembersBranchOrACommitteeAboveIt(command.decision(), registry);
        contactIsRestoredNoEarlierThanItWasLost(command);
        aContactChangeIsRecordedNoEarlierThanItHappened(command.to(), command.decision());
        apply(new MemberContactRestored(standing.memberId(), standing.homeOrgId(), lostFrom(), command.to(),
                command.decision().issuingOrgId()));
    }

    private void onlyAProbationaryOrFullMemberLosesContact() {
        if (standing.status() == null || !standing.status().isOnRoll()) {
            throw new RuleViolation(Invariant.LOST_CONTACT, "onlyAProbationaryOrFullMemberLosesContact",
                    "Only a probationary or full member on a branch's roll can lose contact with it; this record is "
                            + standing.status() + ".");
        }
    }

    private void contactIsLostOnceUntilRestored() {
        partyAge.lostContactSince().ifPresent(since -> {
            throw new RuleViolation(Invariant.LOST_CONTACT, "contactIsLostOnceUntilRestored",
                    "The member has been out of contact since " + since
                            + "; record the restored contact before a new loss.");
        });
    }

    /** The branch knows first that a member stopped coming; a committee above it may record it too (I27). */
    private void contactIsRecordedByTheMembersBranchOrACommitteeAboveIt(DecisionRef decision,
                                                                        OrganisationRegistry registry) {
        String home = standing.homeOrgId();
        if (!registry.isSelfOrAncestor(decision.issuingOrgId(), home, decision.docDate())) {
            throw new RuleViolation(Invariant.LOST_CONTACT, "contactIsRecordedByTheMembersBranchOrACommitteeAboveIt",
                    "Contact of a member of " + home + " is recorded by that branch or a committee above it on "
                            + decision.docDate() + "; " + decision.issuingOrgId() + " is neither.");
        }
    }

    private static void aContactChangeIsRecordedNoEarlierThanItHappened(LocalDate date, DecisionRef decision) {
        if (date.isAfter(decision.docDate())) {
            throw new RuleViolation(Invariant.LOST_CONTACT, "aContactChangeIsRecordedNoEarlierThanItHappened",
                    "A record dated " + decision.docDate() + " states what has happened, not a change on " + date
                            + " still to come.");
        }
    }

    private void onlyLostContactIsRestored() {
        if (partyAge.lostContactSince().isEmpty()) {
            throw new RuleViolation(Invariant.LOST_CONTACT, "onlyLostContactIsRestored",
                    "Member " + standing.memberId() + " is not out of contact, so there is no contact to restore.");
        }
    }

    private void contactIsRestoredNoEarlierThanItWasLost(RecordContactRestored command) {
        if (command.to().isBefore(lostFrom())) {
            throw new RuleViolation(Invariant.LOST_CONTACT, "contactIsRestoredNoEarlierThanItWasLost",
                    "Contact was lost on " + lostFrom() + ", so it cannot be restored on " + command.to() + ".");
        }
    }

    private LocalDate lostFrom() {
        return partyAge.lostContactSince().orElseThrow();
    }
}
