package vn.partyledger.infra.api;

/** An Idempotency-Key that cannot be honoured: reused for another request, or its first request still running. */
public class IdempotencyConflict extends RuntimeException {

    private final String code;

    public IdempotencyConflict(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
