package vn.partyledger.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.member.MemberContactRestored;
import vn.partyledger.domain.member.MemberLostContact;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.member.RecordContactRestored;
import vn.partyledger.domain.member.RecordLostContact;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.RuleViolation;

import java.time.LocalDate;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Whether the member is in contact with the party organisation (domain.md §4 overlay LOST_CONTACT, §7.1, §17.6). The
 * time of lost contact is a party-age gap, counted by {@link MemberPartyAge}. A member who lost contact may still be
 * struck off (typically for absence, ABSENCE_OR_DUES_3M): leaving the roll ends the lost contact, and its gap runs on
 * as the strike-off's (ADR 0017).
 */
class MemberContact {

    private final Member member;
    /** The first day without contact while contact is lost, or null while the member is in contact. */
    private LocalDate lostFrom;

    MemberContact(Member member) {
        this.member = member;
    }

    @CommandHandler
    void handle(RecordLostContact command, OrganisationRegistry registry) {
        onlyAProbationaryOrFullMemberLosesContact();
        contactIsLostOnceUntilRestored();
        contactIsRecordedByTheMembersBranchOrACommitteeAboveIt(command.decision(), registry);
        aContactChangeIsRecordedNoEarlierThanItHappened(command.from(), command.decision());
        apply(new MemberLostContact(member.memberId(), member.homeOrgId(), command.from(),
                command.decision().issuingOrgId()));
    }

    @CommandHandler
    void handle(RecordContactRestored command, OrganisationRegistry registry) {
        onlyLostContactIsRestored();
        contactIsRecordedByTheMembersBranchOrACommitteeAboveIt(command.decision(), registry);
        contactIsRestoredNoEarlierThanItWasLost(command);
        aContactChangeIsRecordedNoEarlierThanItHappened(command.to(), command.decision());
        apply(new MemberContactRestored(member.memberId(), member.homeOrgId(), lostFrom, command.to(),
                command.decision().issuingOrgId()));
    }

    private void onlyAProbationaryOrFullMemberLosesContact() {
        if (member.status() == null || !member.status().isOnRoll()) {
            throw new RuleViolation("LOST_CONTACT", "onlyAProbationaryOrFullMemberLosesContact",
                    "Only a probationary or full member on a branch's roll can lose contact with it; this record is "
                            + member.status() + ".");
        }
    }

    private void contactIsLostOnceUntilRestored() {
        if (lostFrom != null) {
            throw new RuleViolation("LOST_CONTACT", "contactIsLostOnceUntilRestored",
                    "The member has been out of contact since " + lostFrom
                            + "; record the restored contact before a new loss.");
        }
    }

    /** The branch knows first that a member stopped coming; a committee above it may record it too (I27). */
    private void contactIsRecordedByTheMembersBranchOrACommitteeAboveIt(DecisionRef decision,
                                                                        OrganisationRegistry registry) {
        String home = member.homeOrgId();
        Optional<String> org = Optional.of(home);
        while (org.isPresent() && !org.get().equals(decision.issuingOrgId())) {
            org = registry.find(org.get()).flatMap(found -> found.parentOn(decision.docDate()));
        }
        if (org.isEmpty()) {
            throw new RuleViolation("LOST_CONTACT", "contactIsRecordedByTheMembersBranchOrACommitteeAboveIt",
                    "Contact of a member of " + home + " is recorded by that branch or a committee above it on "
                            + decision.docDate() + "; " + decision.issuingOrgId() + " is neither.");
        }
    }

    private static void aContactChangeIsRecordedNoEarlierThanItHappened(LocalDate date, DecisionRef decision) {
        if (date.isAfter(decision.docDate())) {
            throw new RuleViolation("LOST_CONTACT", "aContactChangeIsRecordedNoEarlierThanItHappened",
                    "A record dated " + decision.docDate() + " states what has happened, not a change on " + date
                            + " still to come.");
        }
    }

    private void onlyLostContactIsRestored() {
        if (lostFrom == null) {
            throw new RuleViolation("LOST_CONTACT", "onlyLostContactIsRestored",
                    "Member " + member.memberId() + " is not out of contact, so there is no contact to restore.");
        }
    }

    private void contactIsRestoredNoEarlierThanItWasLost(RecordContactRestored command) {
        if (command.to().isBefore(lostFrom)) {
            throw new RuleViolation("LOST_CONTACT", "contactIsRestoredNoEarlierThanItWasLost",
                    "Contact was lost on " + lostFrom + ", so it cannot be restored on " + command.to() + ".");
        }
    }

    @EventSourcingHandler
    void on(MemberLostContact event) {
        lostFrom = event.from();
    }

    @EventSourcingHandler
    void on(MemberContactRestored event) {
        lostFrom = null;
    }

    // Leaving the roll ends the lost contact; a restored or re-admitted member starts in contact.

    @EventSourcingHandler
    void on(MemberStruckOff event) {
        lostFrom = null;
    }

    @EventSourcingHandler
    void on(ProbationaryMemberStruckOff event) {
        lostFrom = null;
    }

    @EventSourcingHandler
    void on(DisciplineImposed event) {
        if (event.form() == DisciplineForm.EXPULSION) {
            lostFrom = null;
        }
    }
}
