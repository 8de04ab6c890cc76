package vn.partyledger.command.person;

import java.time.LocalDate;

/**
 * What the person's rules read of one of the person's member records, as the record stands when the rules run: the
 * person keeps no copy, so an exit, a refusal or an expired file is known the moment the record knows it.
 *
 * @param open           a candidate with an open file, a probationary or a full member
 * @param admittedBefore the person was admitted on this record at least once
 * @param leftOn         the day a member on this record died or left the Party by an exit still in force, or null
 */
public record MemberRecordView(String memberId, boolean open, boolean admittedBefore, LocalDate leftOn) {
}
