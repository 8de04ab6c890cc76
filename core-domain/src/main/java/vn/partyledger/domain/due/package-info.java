/**
 * Queries about what falls due for a branch's members and for the branches themselves: decisions, ceremonies,
 * recognitions, letters, exemptions and attachments ending, certificates and files going stale, branches below the
 * Charter's minimum.
 */
package vn.partyledger.domain.due;
