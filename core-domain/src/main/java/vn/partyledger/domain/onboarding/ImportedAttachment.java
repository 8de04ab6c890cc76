package vn.partyledger.domain.onboarding;

import vn.partyledger.domain.transfer.TransferTrigger;

import java.time.LocalDate;

/**
 * A temporary attachment the paper file shows in force (docs/rules.md#s9-2): the member meets with {@code hostOrgId}
 * since {@code since}, expected back on {@code until}, for {@code trigger}. {@code transferId} is the id the attachment's
 * transfer case takes, so the host can later end or extend it as any other.
 */
public record ImportedAttachment(String transferId, String hostOrgId, LocalDate since, LocalDate until,
                                 TransferTrigger trigger) {
}
