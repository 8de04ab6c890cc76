package vn.partyledger.command.process;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.person.MemberRecordView;
import vn.partyledger.command.person.Person;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.command.transfer.TransferCase;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.onboarding.ImportMember;
import vn.partyledger.domain.onboarding.ImportMembers;
import vn.partyledger.domain.onboarding.ImportedAttachment;
import vn.partyledger.domain.onboarding.OnboardingPolicies;
import vn.partyledger.domain.person.RegisterPerson;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;

import java.time.LocalDate;
import java.util.List;

/**
 * A member onboarded from the paper file (issue 10): the new record checks the history it is given and the exemption
 * and discipline it shows in force (ONBOARDING), the person checks their other records (I3, as for a candidacy), a
 * temporary attachment in force opens its transfer case (ADR 0028), and the member goes onto the home branch's roll —
 * as a probationary member from the day on the roll, and as a full member from full membership if that came later —
 * all in the command's one unit of work.
 */
public record MemberOnboarding(Records<Member> members, Records<Person> persons, MembershipLedger ledger,
                               Records<TransferCase> transfers) {

    @CommandHandler
    public void handle(ImportMember command, OnboardingPolicies policies, OrganisationRegistry registry, Today today)
            throws Exception {
        Aggregate<Person> person = anImportedMemberIsARegisteredPerson(command);
        List<MemberRecordView> otherRecords = otherRecordsOf(person, command);
        Aggregate<Member> member = members.loadOrCreate(command.memberId(), Member::new);
        member.execute(it -> it.importRecord(command, policies, today));
        attachedAsTheFileStates(member, command, policies, registry);
        onThePersonAndTheRoll(person, otherRecords, command);
    }

    /**
     * A batch: its persons registered and its members imported as one by one, in one unit of work, so the batch is
     * appended whole or not at all, and the branch's roll is loaded once for it. Its records are new: none is read
     * first, and a record already there fails the append, after which the import writes that batch member by member.
     */
    @CommandHandler
    public void handle(ImportMembers batch, OnboardingPolicies policies, OrganisationRegistry registry, Today today)
            throws Exception {
        for (RegisterPerson registration : batch.registrations()) {
            persons.create(() -> new Person(registration));
        }
        for (ImportMember member : batch.members()) {
            aBatchImportsTheMembersOfItsOwnBranch(batch, member);
            Aggregate<Person> person = anImportedMemberIsARegisteredPerson(member);
            List<MemberRecordView> otherRecords = otherRecordsOf(person, member);
            Aggregate<Member> record = members.create(() -> Member.importedFrom(member, policies, today));
            attachedAsTheFileStates(record, member, policies, registry);
            onThePersonAndTheRoll(person, otherRecords, member);
        }
    }

    /**
     * A temporary attachment the file shows in force: its case opens presented, and the member is attached to the host
     * on the member's own side, as a presented temporary letter would leave them.
     */
    private void attachedAsTheFileStates(Aggregate<Member> member, ImportMember command, OnboardingPolicies policies,
                                         OrganisationRegistry registry) throws Exception {
        ImportedAttachment attachment = command.attachment();
        if (attachment == null) {
            return;
        }
        transfers.create(() -> TransferCase.importedAttachment(command.memberId(), command.homeOrgId(), attachment,
                command.paperFileRef(), command.importedOn(), registry, policies.transfers()));
        member.execute(it -> it.attach(attachment.transferId(), attachment.hostOrgId(), attachment.since(),
                attachment.until()));
    }

    private List<MemberRecordView> otherRecordsOf(Aggregate<Person> person, ImportMember command) {
        return new MemberRecordViews(members).of(person.invoke(Person::memberRecords).stream()
                .filter(memberId -> !memberId.equals(command.memberId())).toList());
    }

    /** The person's record opened (I3) and the member on the branch's roll: probationary first if full came later. */
    private void onThePersonAndTheRoll(Aggregate<Person> person, List<MemberRecordView> otherRecords,
                                       ImportMember command) {
        person.execute(it -> it.openMemberRecord(command.memberId(), command.importedOn(), otherRecords));
        LocalDate onRoll = command.onRollSince();
        if (command.status() == MemberStatus.FULL && command.fullMembershipDate().isAfter(onRoll)) {
            ledger.enrol(command.homeOrgId(), command.memberId(), MemberStatus.PROBATIONARY, onRoll);
            ledger.enrol(command.homeOrgId(), command.memberId(), MemberStatus.FULL, command.fullMembershipDate());
        } else {
            ledger.enrol(command.homeOrgId(), command.memberId(), command.status(), onRoll);
        }
    }

    /** The batch's branch is the one whose board's permission was checked: no member of another branch rides along. */
    private static void aBatchImportsTheMembersOfItsOwnBranch(ImportMembers batch, ImportMember member) {
        if (!batch.homeOrgId().equals(member.homeOrgId())) {
            throw new RuleViolation(Invariant.ONBOARDING, "aBatchImportsTheMembersOfItsOwnBranch",
                    "A batch imports the members of branch " + batch.homeOrgId() + "; member " + member.memberId()
                            + " belongs to " + member.homeOrgId() + " and is imported with that branch's batch.");
        }
    }

    private Aggregate<Person> anImportedMemberIsARegisteredPerson(ImportMember command) {
        try {
            return persons.load(command.personId());
        } catch (AggregateNotFoundException notRegistered) {
            throw new RuleViolation(Invariant.I3, "anImportedMemberIsARegisteredPerson",
                    "Person " + command.personId() + " is not in the person register; the import registers the "
                            + "person from the file's person data first, or the line names a registered person.");
        }
    }
}
