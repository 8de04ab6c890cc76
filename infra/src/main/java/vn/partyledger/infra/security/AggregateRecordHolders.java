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

/** Answers from the aggregates themselves, so the check is as current as the log. */
public class AggregateRecordHolders implements RecordHolders {

    private final Supplier<Repository<Member>> members;
    private final Supplier<Repository<TransferCase>> transfers;
    private final Supplier<Repository<Person>> persons;

    /** Takes suppliers: Axon's repositories exist only once its configuration has started. */
    public AggregateRecordHolders(Supplier<Repository<Member>> members, Supplier<Repository<TransferCase>> transfers,
                                  Supplier<Repository<Person>> persons) {
        this.members = members;
        this.transfers = transfers;
        this.persons = persons;
    }

    @Override
    public Optional<String> homeBranchOf(String memberId) {
        return find(members, memberId, Member::homeOrgId);
    }

    @Override
    public Optional<String> sendingSideOf(String transferId) {
        return find(transfers, transferId, TransferCase::sendingOrgId);
    }

    @Override
    public Optional<String> receivingSideOf(String transferId) {
        return find(transfers, transferId, TransferCase::receivingOrgId);
    }

    @Override
    public Optional<List<String>> organisationsOfPerson(String personId) {
        return find(persons, personId, person -> person.memberRecords().isEmpty()
                ? Stream.ofNullable(person.registeredFor()).toList()
                : person.memberRecords().stream().flatMap(memberId -> homeBranchOf(memberId).stream()).distinct()
                .toList());
    }

    private static <A, T> Optional<T> find(Supplier<Repository<A>> repository, String id, Function<A, T> side) {
        try {
            return Optional.ofNullable(repository.get().load(id).invoke(side));
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
    }
}
