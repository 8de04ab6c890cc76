package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.member.HomeBranchEvent;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.PartyAge;

import java.time.LocalDate;
import java.util.List;

/**
 * On the member's own stream: the member presented a letter from {@code fromProvince} and is on {@code homeOrgId}'s
 * roll from {@code joinedOn}, with the record the letter carried (ADR 0050): status, the first admission decision
 * that starts party age and its gaps, probation's end or full membership, the card, the badges held and the
 * disciplines in effect. A late presentation's days are a gap of their own ({@link TransferPresentedLate}).
 */
@Revision("1")
public record MemberJoinedFromProvince(String memberId,
                                       String personId,
                                       String homeOrgId,
                                       String transferId,
                                       String fromProvince,
                                       MemberStatus status,
                                       LocalDate firstAdmissionDecisionDate,
                                       LocalDate probationEndDate,
                                       LocalDate fullMembershipDate,
                                       List<PartyAge.Gap> partyAgeGaps,
                                       String cardNumber,
                                       List<TransferableRecord.Badge> badges,
                                       List<TransferableRecord.Discipline> disciplineInEffect,
                                       LocalDate joinedOn) implements HomeBranchEvent {

    public MemberJoinedFromProvince {
        partyAgeGaps = List.copyOf(partyAgeGaps);
        badges = List.copyOf(badges);
        disciplineInEffect = List.copyOf(disciplineInEffect);
    }
}
