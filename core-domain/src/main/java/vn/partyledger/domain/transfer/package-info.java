/**
 * Transfers of party activity between two organisations of this deployment (docs/rules.md#s9): the transfer letter, its
 * presentation deadline, presentation at the receiving branch (official: the home changes; temporary: the member is
 * attached to a host and keeps the home), overdue marking, cancellation, lost letters and the end of attachments.
 */
package vn.partyledger.domain.transfer;
