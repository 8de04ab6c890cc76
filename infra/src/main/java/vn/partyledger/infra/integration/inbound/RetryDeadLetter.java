package vn.partyledger.infra.integration.inbound;

/**
 * An administrator applies again, after a fix, the latest dead letter of a {@code ce_id} (ADR 0045): the message as
 * first read, through the same boundary, so it is applied at most once.
 */
public record RetryDeadLetter(String ceId) {
}
