/** Vocabulary shared by every aggregate: actors, decision references, rule sets, calendars and rule violations. */
package vn.partyledger.domain.shared;
