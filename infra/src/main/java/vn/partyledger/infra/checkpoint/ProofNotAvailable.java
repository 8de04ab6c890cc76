package vn.partyledger.infra.checkpoint;

/** What a proof was asked against is not recorded: no such checkpoint, or an event the checkpoint does not cover. */
public class ProofNotAvailable extends RuntimeException {

    ProofNotAvailable(String message) {
        super(message);
    }
}
