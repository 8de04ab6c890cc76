package vn.partyledger.domain.statistics;

import java.util.Set;

/**
 * The answer to {@link FindMembershipStatistics} inside the application: the statistics, and the persons whose date of
 * birth the register gave to count them, for the access audit to record before the statistics are given out (ADR
 * 0039). Only {@code statistics} leaves the application.
 */
public record CountedMembership(MembershipStatistics statistics, Set<String> datesOfBirthRead) {
}
