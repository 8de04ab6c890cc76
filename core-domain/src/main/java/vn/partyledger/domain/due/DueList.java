package vn.partyledger.domain.due;

import java.time.LocalDate;
import java.util.List;

/** The items due for the organisation's branches, earliest first; {@code overdue} when the date has passed. */
public record DueList(String orgId, LocalDate asOf, int withinDays, List<Item> items) {

    /**
     * One thing due: for a member ({@code transferId} set for a letter or an attachment), or for the branch itself
     * ({@code memberId} null), in the branch that must act, open since {@code since}; {@code rule} names the rule and
     * policy its date comes from. {@code deadlineUncounted} when its deadline in working days reaches a year whose
     * calendar is not published (WORKING_DAY_CALENDAR): it is then listed as due from the day it opened, never counted
     * from weekends alone.
     */
    public record Item(DueKind kind, String memberId, String transferId, String branchId, LocalDate since,
                       LocalDate dueOn, boolean overdue, boolean deadlineUncounted, String rule) {
    }
}
