package vn.partyledger.bench;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberContactRestored;
import vn.partyledger.domain.member.MemberLostContact;
import vn.partyledger.domain.organisation.BranchType;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationKind;

import java.time.LocalDate;
import java.util.Map;

/**
 * The application's own events with the metadata its commands record, so the harnesses store and read documents of
 * the real shape and size. {@code n} numbers the append: it varies the actor, business date and request id.
 */
final class LedgerEvents {

    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

    private LedgerEvents() {
    }

    static String branchId(int branch) {
        return "branch-" + branch;
    }

    static String memberId(int member) {
        return "member-" + member;
    }

    static DomainEventMessage<OrganisationEstablished> branchEstablished(int branch, long n) {
        String branchId = branchId(branch);
        return new GenericDomainEventMessage<>("Organisation", branchId, 0,
                new OrganisationEstablished(branchId, "Chi bộ " + branch, OrganisationKind.SUBORDINATE_BRANCH,
                        BranchType.RESIDENTIAL, "ward", null, OrganisationFlags.NONE, 5, false, FIRST_DAY),
                metaData(n));
    }

    /** The first event of a member's stream, into one of {@code branches} branches spread by the member number. */
    static DomainEventMessage<MemberAdmitted> memberAdmitted(int member, int branches, long n) {
        LocalDate ceremony = FIRST_DAY.plusDays(member % 700);
        return new GenericDomainEventMessage<>("Member", memberId(member), 0,
                new MemberAdmitted(memberId(member),
                        "person-" + Long.toHexString(member * 2654435761L & 0xffffffffL),
                        branchId((int) ((member * 7919L) % branches)), ceremony,
                        ceremony.plusMonths(12), ceremony.minusDays(20), false),
                metaData(n));
    }

    /**
     * A later event of a member's stream at {@code sequence} ≥ 1: contact lost at odd sequences, restored at even
     * ones, a pair the rules allow to repeat, so a stream can grow for as long as a benchmark runs.
     */
    static DomainEventMessage<?> contactChange(int member, long sequence, int branches, long n) {
        String memberId = memberId(member);
        String branchId = branchId((int) ((member * 7919L) % branches));
        LocalDate lostFrom = FIRST_DAY.plusDays((sequence + 1) / 2);
        Object payload = sequence % 2 == 1
                ? new MemberLostContact(memberId, branchId, lostFrom, branchId)
                : new MemberContactRestored(memberId, branchId, lostFrom, lostFrom.plusDays(1), branchId);
        return new GenericDomainEventMessage<>("Member", memberId, sequence, payload, metaData(n));
    }

    private static MetaData metaData(long n) {
        return MetaData.from(Map.of(
                "actor", Map.of("userId", "secretary-" + n % 97, "role", "BRANCH_SECRETARY"),
                "businessDate", FIRST_DAY.plusDays(n % 700).toString(),
                "ruleSet", "QD24_2021",
                "requestId", "req-" + n,
                "correlationId", "corr-" + n));
    }
}
