package vn.partyledger.infra.api;

import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/**
 * A command with what the log must know about it: the business date it takes effect, the decision behind it (if
 * any) and the request's fingerprint, used to recognise a retried request under the same Idempotency-Key.
 */
public record CommandRequest(Object command, LocalDate businessDate, DecisionRef decision, String fingerprint) {
}
