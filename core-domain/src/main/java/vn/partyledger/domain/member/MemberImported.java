package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's record was opened from the paper file (issue 10), not through the recruitment pipeline: the status and
 * the history the file states, as they stood on {@code importedOn}, with the file's reference. The probation's end
 * follows from the ceremony and the probation period in force. The member went onto the home branch's roll in the
 * same append.
 */
@Revision("1")
public record MemberImported(String memberId,
                             String personId,
                             String homeOrgId,
                             MemberStatus status,
                             LocalDate firstAdmissionDecisionDate,
                             LocalDate admissionDecisionDate,
                             LocalDate ceremonyDate,
                             LocalDate probationEndDate,
                             LocalDate fullMembershipDate,
                             LocalDate onRollSince,
                             List<PartyAge.Gap> partyAgeGaps,
                             String cardNumber,
                             List<ImportedBadge> badges,
                             String paperFileRef,
                             LocalDate importedOn) implements HomeBranchEvent {

    public MemberImported {
        partyAgeGaps = partyAgeGaps == null ? List.of() : List.copyOf(partyAgeGaps);
        badges = badges == null ? List.of() : List.copyOf(badges);
    }

    /** Whether the member was admitted twice: re-admitted after leaving, as the file shows. */
    public boolean readmitted() {
        return !firstAdmissionDecisionDate.equals(admissionDecisionDate);
    }
}
