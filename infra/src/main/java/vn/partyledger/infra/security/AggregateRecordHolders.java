package vn.partyledger.infra.security;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.transfer.TransferCase;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Answers from the aggregates themselves, so the check is as current as the log. */
public class AggregateRecordHolders implements RecordHolders {

    private final Supplier<Repository<Member>> members;
    private final Supplier<Repository<TransferCase>> transfers;

    /** Takes suppliers: Axon's repositories exist only once its configuration has started. */
    public AggregateRecordHolders(Supplier<Repository<Member>> members, Supplier<Repository<TransferCase>> transfers) {
        this.members = members;
        this.transfers = transfers;
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

    private static <A> Optional<String> find(Supplier<Repository<A>> repository, String id, Function<A, String> side) {
        try {
            return Optional.ofNullable(repository.get().load(id).invoke(side));
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
    }
}
