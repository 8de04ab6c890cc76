/**
 * The TransferCase aggregate (ADR 0009): one transfer of one member, from the letter to its presentation, with its
 * deadline, overdue mark, cancellation, reissued letters and temporary attachment. The member's side follows in the
 * same unit of work through {@code vn.partyledger.command.process.TransferOfAMember}; the member's death ends an open
 * case through {@code vn.partyledger.command.process.LeavingAndReturning} (ADR 0026).
 */
package vn.partyledger.command.transfer;
