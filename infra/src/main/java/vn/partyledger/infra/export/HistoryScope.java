package vn.partyledger.infra.export;

import java.time.LocalDate;

/**
 * What an export holds: the stream of one record of {@code aggregateType}, its events on business dates {@code from}
 * to {@code to} (both null for the whole history).
 *
 * @param kind          {@code member} or {@code organisation}, as the export's header names it
 * @param recordId      the member's or organisation's id, which is its stream's
 * @param aggregateType the type its stream's events are stored with
 */
public record HistoryScope(String kind, String recordId, String aggregateType, LocalDate from, LocalDate to) {

    public static HistoryScope member(String memberId) {
        return new HistoryScope("member", memberId, "Member", null, null);
    }

    public static HistoryScope organisation(String orgId, LocalDate from, LocalDate to) {
        return new HistoryScope("organisation", orgId, "Organisation", from, to);
    }

    boolean includes(LocalDate businessDate) {
        return (from == null || !businessDate.isBefore(from)) && (to == null || !businessDate.isAfter(to));
    }
}
