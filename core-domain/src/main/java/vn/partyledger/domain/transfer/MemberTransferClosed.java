package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** On the member's own stream: the case was cancelled or the temporary attachment ended; the member is home. */
@Revision("1")
public record MemberTransferClosed(String memberId, String transferId, LocalDate closedOn) {
}
