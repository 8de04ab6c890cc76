package vn.partyledger.infra.checkpoint;

/** A verification asked for while one is running: answered 409, the running one goes on. */
public class VerificationRunning extends RuntimeException {

    VerificationRunning(String id) {
        super("The log is being verified already; follow it at GET /api/v1/admin/verifications/" + id
                + " and ask again once it has ended.");
    }
}
