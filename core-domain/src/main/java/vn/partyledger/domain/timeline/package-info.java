/**
 * Queries an auditor asks about one member's record (domain.md §19 MemberTimeline): every entry of the member's stream
 * with its envelope, the member's state as of a business date, and what changed between two dates. They are answered
 * from the event store, the record's source of truth (ADR 0030).
 */
package vn.partyledger.domain.timeline;
