package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.member.HomeBranchEvent;

import java.time.LocalDate;

/**
 * Opens a transfer case from the paper file {@code paperFileRef} on {@code importedOn} (ADR 0028): a temporary
 * attachment already in force, the member of {@code homeOrgId} meeting with {@code hostOrgId} since {@code since} and
 * expected back on {@code expectedReturn}. The file holds no letter, so the case starts presented; from here the host
 * extends or ends it as any other. The member's side is {@link MemberTemporarilyAttached}, in the same append.
 */
@Revision("1")
public record TemporaryAttachmentImported(String transferId,
                                          String memberId,
                                          String homeOrgId,
                                          String hostOrgId,
                                          TransferTrigger trigger,
                                          LocalDate since,
                                          LocalDate expectedReturn,
                                          String paperFileRef,
                                          LocalDate importedOn) implements HomeBranchEvent {
}
