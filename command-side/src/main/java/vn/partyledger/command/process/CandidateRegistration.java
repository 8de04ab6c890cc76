package vn.partyledger.command.process;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.command.person.MemberRecordView;
import vn.partyledger.command.person.Person;
import vn.partyledger.domain.member.RegisterOutstandingCandidate;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;

import java.util.List;

/**
 * A candidacy (I3): the member record checks its own history, the person checks the person's other records, loaded
 * here as they stand, so a second live record or a re-admission under a fresh member id is refused whatever id the
 * caller picks. Both are written in the command's one unit of work.
 */
public record CandidateRegistration(Records<Member> members, Records<Person> persons) {

    @CommandHandler
    public void handle(RegisterOutstandingCandidate command, OrganisationRegistry registry, Today today)
            throws Exception {
        Aggregate<Person> person = aCandidateIsARegisteredPerson(command);
        List<MemberRecordView> otherRecords = new MemberRecordViews(members).of(person.invoke(Person::memberRecords)
                .stream().filter(memberId -> !memberId.equals(command.memberId())).toList());
        members.loadOrCreate(command.memberId(), Member::new)
                .execute(member -> member.registerCandidate(command, registry, today));
        person.execute(it -> it.openMemberRecord(command.memberId(), command.registeredOn(), otherRecords));
    }

    private Aggregate<Person> aCandidateIsARegisteredPerson(RegisterOutstandingCandidate command) {
        try {
            return persons.load(command.personId());
        } catch (AggregateNotFoundException notRegistered) {
            throw new RuleViolation(Invariant.I3, "aCandidateIsARegisteredPerson",
                    "Person " + command.personId() + " is not in the person register; register the person first, "
                            + "so that the person's other member records can be checked.");
        }
    }
}
