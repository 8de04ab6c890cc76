package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * {@code decisionDate} is the party-age start (Charter Art. 5.4); the document itself is in the event's metadata.
 * {@code lateDecision} flags a decision signed after its deadline (I7): paper reality is recorded, not refused.
 */
@Revision("1")
public record AdmissionApproved(String memberId,
                                LocalDate decisionDate,
                                String decidedByOrgId,
                                LocalDate receivedByBranchOn,
                                boolean lateDecision) {

    /** A decision signed within its deadline. */
    public AdmissionApproved(String memberId, LocalDate decisionDate, String decidedByOrgId,
                             LocalDate receivedByBranchOn) {
        this(memberId, decisionDate, decidedByOrgId, receivedByBranchOn, false);
    }
}
