package vn.partyledger.command.support;

import org.axonframework.test.aggregate.AggregateTestFixture;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.process.AdmissionCeremony;
import vn.partyledger.command.person.Person;
import vn.partyledger.command.process.Annulment;
import vn.partyledger.command.process.CandidateRegistration;
import vn.partyledger.command.process.EndOfProbation;
import vn.partyledger.command.process.Erasure;
import vn.partyledger.command.process.LeavingAndReturning;
import vn.partyledger.command.process.MemberOnboarding;
import vn.partyledger.command.process.MembershipLedger;
import vn.partyledger.command.process.MembersInTransfer;
import vn.partyledger.command.process.Records;
import vn.partyledger.command.process.TransferOfAMember;
import vn.partyledger.command.transfer.TransferCase;
import vn.partyledger.domain.person.PersonRegistered;
import vn.partyledger.domain.person.PersonalDataField;

import java.util.Set;

/**
 * Registers the processes a fixture test sends its cross-record commands through, on the fixture's own repository,
 * with a recording port for the other record. Register every injectable resource first: Axon's fixture takes none
 * after a command handler.
 */
public final class Processes {

    private Processes() {
    }

    /** The person every member fixture's candidate is, registered beside the fixture's member records. */
    public static final String PERSON = "p1";

    public static AggregateTestFixture<Member> ofMembers(AggregateTestFixture<Member> fixture,
                                                         MembershipLedger ledger) {
        return ofMembers(fixture, ledger, new SideRecords<>(TransferCase.class));
    }

    /** The same, with the transfer cases a death ends beside the fixture's member records. */
    public static AggregateTestFixture<Member> ofMembers(AggregateTestFixture<Member> fixture,
                                                         MembershipLedger ledger, SideRecords<TransferCase> transfers) {
        Records<Member> members = new Records<>(fixture::getRepository);
        SideRecords<Person> persons = new SideRecords<>(Person.class)
                .given(PERSON, new PersonRegistered(PERSON, Set.of(PersonalDataField.FULL_NAME), "kp1", "v1"));
        fixture.registerAnnotatedCommandHandler(new CandidateRegistration(members, persons.records()));
        fixture.registerAnnotatedCommandHandler(new AdmissionCeremony(members, ledger));
        fixture.registerAnnotatedCommandHandler(new EndOfProbation(members, ledger));
        fixture.registerAnnotatedCommandHandler(new LeavingAndReturning(members, ledger, transfers.records()));
        fixture.registerAnnotatedCommandHandler(new Annulment(members, ledger));
        fixture.registerAnnotatedCommandHandler(new MemberOnboarding(members, persons.records(), ledger,
                transfers.records()));
        return fixture;
    }

    /** Candidacies sent to a fixture of persons, whose member records are beside it. */
    public static AggregateTestFixture<Person> ofPersons(AggregateTestFixture<Person> fixture,
                                                         SideRecords<Member> members) {
        fixture.registerAnnotatedCommandHandler(new CandidateRegistration(members.records(),
                new Records<>(fixture::getRepository)));
        return fixture;
    }

    /** The erasure process on the person fixture; register the {@code ErasurePolicy} resource first. */
    public static AggregateTestFixture<Person> ofErasure(AggregateTestFixture<Person> fixture,
                                                         SideRecords<Member> members) {
        fixture.registerAnnotatedCommandHandler(new Erasure(new Records<>(fixture::getRepository), members.records()));
        return fixture;
    }

    public static AggregateTestFixture<TransferCase> ofTransfers(AggregateTestFixture<TransferCase> fixture,
                                                                 MembersInTransfer members) {
        fixture.registerAnnotatedCommandHandler(new TransferOfAMember(new Records<>(fixture::getRepository), members));
        return fixture;
    }
}
