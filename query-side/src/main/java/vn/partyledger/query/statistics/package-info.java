/**
 * Membership statistics (ADR 0039): the losses of each branch and the official transfers in transit, kept from the
 * log; the members by status and age group on a date, counted from the branch rosters of that day.
 */
package vn.partyledger.query.statistics;
