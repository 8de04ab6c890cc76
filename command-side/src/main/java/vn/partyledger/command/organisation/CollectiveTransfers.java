package vn.partyledger.command.organisation;

import java.time.LocalDate;

/**
 * Moves one member's home as part of an organisation's merge or split (docs/rules.md#s9-3). Called while the restructuring
 * is handled, so the member's event is appended together with the organisations' or not at all.
 */
public interface CollectiveTransfers {

    void transfer(String memberId, String fromOrgId, String toOrgId, LocalDate effectiveDate);
}
