/**
 * Corrections of the record (docs/rules.md#I30, §15.2): events are never changed; a mistaken entry is annulled, or its
 * date corrected, by a new event that names the original event's id, the reason and the decision that authorised it.
 */
package vn.partyledger.domain.correction;
