package vn.partyledger.infra.checkpoint;

import vn.partyledger.infra.eventstore.Damage;

import java.util.List;

/**
 * What verifying the whole log found (docs/log-proofs.md §6).
 *
 * @param intact         nothing is wrong
 * @param commitsChecked commits read and recomputed
 * @param eventsChecked  events read and recomputed
 * @param heldRoot       the root hash the auditor supplied for {@code heldSize} events, if any
 * @param heldSize       the tree size of the auditor's checkpoint, if any
 * @param damages        what is wrong, each named with its kind and position, in log order then checkpoints
 */
public record AuditReport(boolean intact, long commitsChecked, long eventsChecked, Long heldSize, String heldRoot,
                          List<Damage> damages) {
}
