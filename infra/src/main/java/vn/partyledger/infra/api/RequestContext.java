package vn.partyledger.infra.api;

/** The HTTP headers that shape how a command is dispatched; each may be absent. */
public record RequestContext(String idempotencyKey, Long expectedVersion, String correlationId) {
}
