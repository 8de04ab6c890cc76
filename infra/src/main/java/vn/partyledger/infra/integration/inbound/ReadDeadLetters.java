package vn.partyledger.infra.integration.inbound;

/** An administrator lists the inbound messages this province could not apply (ADR 0045). */
public record ReadDeadLetters() {
}
