package vn.partyledger.command.process;

import vn.partyledger.domain.transfer.TransferType;

import vn.partyledger.domain.discipline.DisciplinePolicy;
import vn.partyledger.domain.transfer.TransferableRecord;

import java.time.LocalDate;

/**
 * What a transfer case asks of the member it moves, while its own command is handled: the member's events are appended
 * with the case's or not at all. The member checks what only it knows (its status and its other transfers, I16).
 */
public interface MembersInTransfer {

    void open(String memberId, String transferId, TransferType type, String fromOrgId, String toOrgId,
              LocalDate letterDate);

    /** Official transfer presented: the home changes and the rolls follow (release at sender, enrol at receiver). */
    void changeHome(String memberId, String transferId, String toOrgId, LocalDate effectiveDate);

    /** Temporary transfer presented: attached to the host, home and roll unchanged. */
    void attach(String memberId, String transferId, String hostOrgId, LocalDate from, LocalDate expectedReturn);

    /**
     * The letter was presented after its present-by date: the days past the deadline are a transfer gap in the
     * member's party age (docs/rules.md#s7-1, ADR 0017).
     */
    void presentedLate(String memberId, String transferId, LocalDate presentBy, LocalDate presentedDate);

    /** What the member's file carries to another province with an official letter dated {@code asOf} (ADR 0046). */
    TransferableRecord transferableRecord(String memberId, LocalDate asOf, DisciplinePolicy policy);

    /** Presented in the province a letter was sent to: off this province's roll (ADR 0050). */
    void leaveForProvince(String memberId, String transferId, String toProvince, String toOrgId, LocalDate leftOn);

    /** Cancelled, or back from a temporary attachment. */
    void close(String memberId, String transferId, LocalDate closedOn);
}
