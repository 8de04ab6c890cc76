package vn.partyledger.command.process;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.person.Person;
import vn.partyledger.domain.person.ErasurePolicy;
import vn.partyledger.domain.person.RequestErasure;
import vn.partyledger.domain.shared.Today;

/**
 * An erasure request (domain.md §15.2 rule 3): the person decides, reading every member record of the person as it
 * stands — loaded in this unit of work, so a candidacy opened a moment before is seen.
 */
public record Erasure(Records<Person> persons, Records<Member> members) {

    @CommandHandler
    public void handle(RequestErasure command, MetaData metaData, ErasurePolicy policy, Today today) {
        persons.addressed(command.personId(), metaData).execute(person -> person.requestErasure(command,
                new MemberRecordViews(members).of(person.memberRecords()), policy, today));
    }
}
