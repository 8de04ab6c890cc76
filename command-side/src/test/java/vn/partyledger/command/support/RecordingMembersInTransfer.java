package vn.partyledger.command.support;

import vn.partyledger.command.process.MembersInTransfer;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.transfer.TransferType;

import vn.partyledger.domain.discipline.DisciplinePolicy;
import vn.partyledger.domain.transfer.TransferableRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The member side as TransferCase fixture tests need it: it records each step asked of the member, in order. */
public final class RecordingMembersInTransfer implements MembersInTransfer {

    private final List<String> steps = new ArrayList<>();
    private RuleViolation openingRefusal;
    private TransferableRecord record;

    /** Makes the member refuse to open a transfer, as a struck-off member or one already in transit would. */
    public void refuseOpeningWith(RuleViolation refusal) {
        openingRefusal = refusal;
    }

    @Override
    public void open(String memberId, String transferId, TransferType type, String fromOrgId, String toOrgId,
                     LocalDate letterDate) {
        if (openingRefusal != null) {
            throw openingRefusal;
        }
        steps.add("open " + memberId + " " + transferId + " " + type + " " + fromOrgId + "→" + toOrgId);
    }

    @Override
    public void changeHome(String memberId, String transferId, String toOrgId, LocalDate effectiveDate) {
        steps.add("changeHome " + memberId + " " + toOrgId + " " + effectiveDate);
    }

    @Override
    public void attach(String memberId, String transferId, String hostOrgId, LocalDate from,
                       LocalDate expectedReturn) {
        steps.add("attach " + memberId + " " + hostOrgId + " " + from + ".." + expectedReturn);
    }

    @Override
    public void presentedLate(String memberId, String transferId, LocalDate presentBy, LocalDate presentedDate) {
        steps.add("presentedLate " + memberId + " " + presentBy + ".." + presentedDate);
    }

    /** The record a letter to another province carries: the one given, or none when no test needs it. */
    @Override
    public TransferableRecord transferableRecord(String memberId, LocalDate asOf, DisciplinePolicy policy) {
        steps.add("transferableRecord " + memberId + " " + asOf);
        return record;
    }

    /** Makes the member's transferable record {@code record}. */
    public RecordingMembersInTransfer withRecord(TransferableRecord record) {
        this.record = record;
        return this;
    }

    @Override
    public void leaveForProvince(String memberId, String transferId, String toProvince, String toOrgId,
                                 LocalDate leftOn) {
        steps.add("leaveForProvince " + memberId + " " + toProvince + " " + toOrgId + " " + leftOn);
    }

    @Override
    public void close(String memberId, String transferId, LocalDate closedOn) {
        steps.add("close " + memberId + " " + closedOn);
    }

    public List<String> steps() {
        return List.copyOf(steps);
    }
}
