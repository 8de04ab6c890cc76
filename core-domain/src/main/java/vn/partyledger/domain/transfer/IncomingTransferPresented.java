package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A letter from another province was presented here and its member is on {@code toOrgId}'s roll from
 * {@code presentedOn} (ADR 0050): the receiving side's confirmation, which {@code sendingProvince} is told so that its
 * case closes. {@code late} when it came after the letter's present-by day.
 */
@Revision("1")
public record IncomingTransferPresented(String transferId,
                                        String memberId,
                                        String sendingProvince,
                                        String toOrgId,
                                        LocalDate presentBy,
                                        LocalDate presentedOn,
                                        boolean late) {
}
