package vn.partyledger.command.transfer;

import vn.partyledger.domain.transfer.TransferType;

import java.time.LocalDate;

/**
 * A transfer letter as it was presented: what the member's side follows with. An official transfer moves the home, a
 * temporary one attaches the member to the host until {@code expectedReturn}; presented after {@code presentBy}, the
 * days late are a gap in party age (docs/rules.md#s7-1, ADR 0017).
 */
public record Presentation(String memberId, String transferId, TransferType type, String toOrgId,
                           LocalDate presentedDate, LocalDate expectedReturn, LocalDate presentBy) {

    public boolean late() {
        return presentedDate.isAfter(presentBy);
    }
}
