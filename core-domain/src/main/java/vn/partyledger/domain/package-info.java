/**
 * The language of Party Ledger: commands, events and queries as records, value objects and the named rule policies.
 * Pure Java: only Axon's message annotations are allowed here (an architecture test enforces it).
 */
package vn.partyledger.domain;
