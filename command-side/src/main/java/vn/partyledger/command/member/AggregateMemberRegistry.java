package vn.partyledger.command.member;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.Optional;
import java.util.function.Supplier;

/** Answers look-ups by loading the other Member aggregate from its event stream: always as current as the log. */
public class AggregateMemberRegistry implements MemberRegistry {

    private final Supplier<Repository<Member>> members;

    /** Takes a supplier: Axon's repositories exist only once its configuration has started. */
    public AggregateMemberRegistry(Supplier<Repository<Member>> members) {
        this.members = members;
    }

    @Override
    public Optional<MemberStanding> find(String memberId) {
        try {
            return Optional.of(members.get().load(memberId).invoke(Member::standing));
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
    }
}
