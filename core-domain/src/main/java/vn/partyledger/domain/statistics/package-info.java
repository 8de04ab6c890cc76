/**
 * Membership statistics (domain.md §14): the members on the rolls by status and age group on a date, and the losses of
 * a year by kind, for an organisation and each organisation directly under it.
 */
package vn.partyledger.domain.statistics;
