package vn.partyledger.infra.security;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.person.Person;
import vn.partyledger.command.transfer.TransferCase;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Answers from the aggregates themselves, through look-ups checked against the log, so as current as the log. */
public class AggregateRecordHolders implements RecordHolders {

    private final Supplier<Repository<Member>> members;
    private final Supplier<Repository<TransferCase>> transfers;
    private final Supplier<Repository<Person>> persons;
    private final LogCheckedLookups lookups;

    /** Takes suppliers: Axon's repositories exist only once its configuration has started. */
    public AggregateRecordHolders(Supplier<Repository<Member>> members, Supplier<Repository<TransferCase>> transfers,
                                  Supplier<Repository<Person>> persons, LogCheckedLookups lookups) {
        this.members = members;
        this.transfers = transfers;
        this.persons = persons;
        this.lookups = lookups;
    }

    @Override
    public Optional<String> homeBranchOf(String memberId) {
        return lookups.find(members, "homeBranch", memberId, Member::homeOrgId);
    }

    @Override
    public Optional<String> sendingSideOf(String transferId) {
        return lookups.find(transfers, "sendingSide", transferId, TransferCase::sendingOrgId);
    }

    @Override
    public Optional<String> receivingSideOf(String transferId) {
        return lookups.find(transfers, "receivingSide", transferId, TransferCase::receivingOrgId);
    }

    @Override
    public Optional<List<String>> organisationsOfPerson(String personId) {
        return lookups.find(persons, "memberRecords", personId, (Person person) -> person.memberRecords().isEmpty()
                        ? new PersonsRecords(person.registeredFor(), List.of())
                        : new PersonsRecords(null, List.copyOf(person.memberRecords())))
                .map(records -> records.memberIds().isEmpty() ? Stream.ofNullable(records.registeredFor()).toList()
                        : records.memberIds().stream().flatMap(memberId -> homeBranchOf(memberId).stream())
                        .distinct().toList());
    }

    /** A person's member records, or while there are none the organisation the person was registered for. */
    private record PersonsRecords(String registeredFor, List<String> memberIds) {
    }
}
