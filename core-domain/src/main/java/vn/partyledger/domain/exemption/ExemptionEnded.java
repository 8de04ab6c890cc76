package vn.partyledger.domain.exemption;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ExemptionEnded(String memberId,
                             ExemptionKind kind,
                             ExemptionEndReason reason,
                             LocalDate endedOn,
                             String returnFeedbackRef) {
}
