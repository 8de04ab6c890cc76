package vn.partyledger.query.timeline;

import vn.partyledger.domain.timeline.MemberChanges;
import vn.partyledger.domain.timeline.MemberState;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The difference between the member's states at the ends of two dates, field by field, with the entries recorded as
 * taking effect in between. An entry re-dated into or out of the interval shows in the states, and in the entries by
 * the date it was recorded with, where the timeline shows it too.
 */
final class ChangesBetweenDates {

    /** The fields of a state that can differ, in the order an auditor reads them. */
    private static final Map<String, Function<MemberState, Object>> FIELDS = fields();

    private ChangesBetweenDates() {
    }

    static MemberChanges of(MemberHistory history, LocalDate from, LocalDate to) {
        MemberState before = MemberStateOnDate.of(history, from);
        MemberState after = MemberStateOnDate.of(history, to);
        List<MemberChanges.Change> changes = FIELDS.entrySet().stream()
                .filter(field -> !Objects.equals(field.getValue().apply(before), field.getValue().apply(after)))
                .map(field -> new MemberChanges.Change(field.getKey(), text(field.getValue().apply(before)),
                        text(field.getValue().apply(after))))
                .toList();
        return new MemberChanges(history.memberId(), from, to, changes,
                history.shown(date -> date.isAfter(from) && !date.isAfter(to)));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Map<String, Function<MemberState, Object>> fields() {
        Map<String, Function<MemberState, Object>> fields = new LinkedHashMap<>();
        fields.put("status", MemberState::status);
        fields.put("homeOrgId", MemberState::homeOrgId);
        fields.put("admissionDecisionDate", MemberState::admissionDecisionDate);
        fields.put("fullMembershipDate", MemberState::fullMembershipDate);
        fields.put("exemption", MemberState::exemption);
        fields.put("suspendedSince", MemberState::suspendedSince);
        fields.put("lostContactSince", MemberState::lostContactSince);
        return fields;
    }
}
