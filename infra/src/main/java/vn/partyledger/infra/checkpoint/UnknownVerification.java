package vn.partyledger.infra.checkpoint;

/** A verification this node has not run, or no longer remembers: answered 404. */
public class UnknownVerification extends RuntimeException {

    UnknownVerification(String id) {
        super("No verification " + id + " is known on this node: the last " + VerificationJobs.KEPT
                + " since the service started are.");
    }
}
