/**
 * The member timeline for auditors (domain.md §19, ADR 0030): read from the member's own stream in the event store on
 * every question rather than from a projection, so what an auditor sees is the log itself, corrections linked to what
 * they correct, and the state as of a date is an explicit fold over that log.
 */
package vn.partyledger.query.timeline;
