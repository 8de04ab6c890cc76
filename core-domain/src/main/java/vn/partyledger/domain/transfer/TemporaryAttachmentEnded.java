package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record TemporaryAttachmentEnded(String transferId, String memberId, String hostOrgId, LocalDate returnDate,
                                       String hostFeedbackRef) {
}
