package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.member.HomeBranchEvent;

import java.time.LocalDate;

/**
 * On the member's own stream: the letter to another province was presented there, so from {@code leftOn} the member
 * is on {@code toProvince}'s roll and off {@code homeOrgId}'s (ADR 0050). The record here keeps its history and takes
 * no further decision, save a correction, until a letter brings the member back.
 */
@Revision("1")
public record MemberLeftForProvince(String memberId,
                                    String transferId,
                                    String homeOrgId,
                                    String toProvince,
                                    String toOrgId,
                                    LocalDate leftOn) implements HomeBranchEvent {
}
