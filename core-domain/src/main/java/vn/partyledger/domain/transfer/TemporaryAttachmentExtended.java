package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record TemporaryAttachmentExtended(String transferId, String memberId, LocalDate previousUntil,
                                          LocalDate newUntil, LocalDate extendedOn) {
}
