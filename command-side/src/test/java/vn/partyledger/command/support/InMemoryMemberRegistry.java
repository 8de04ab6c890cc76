package vn.partyledger.command.support;

import vn.partyledger.command.member.MemberRegistry;
import vn.partyledger.command.member.MemberStanding;
import vn.partyledger.domain.member.MemberStatus;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Other members as fixture tests need them: a map the test fills. */
public final class InMemoryMemberRegistry implements MemberRegistry {

    private final Map<String, MemberStanding> members = new HashMap<>();

    /** A member on {@code homeOrgId}'s roll since {@code homeSince}. */
    public InMemoryMemberRegistry with(String memberId, MemberStatus status, LocalDate fullSince, String homeOrgId,
                                       LocalDate homeSince) {
        members.put(memberId, new MemberStanding(memberId, status, fullSince, homeOrgId, homeSince));
        return this;
    }

    @Override
    public Optional<MemberStanding> find(String memberId) {
        return Optional.ofNullable(members.get(memberId));
    }
}
