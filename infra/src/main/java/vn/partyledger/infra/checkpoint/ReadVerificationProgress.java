package vn.partyledger.infra.checkpoint;

/** A look at how far a background verification of the log has come, and its report once done. */
public record ReadVerificationProgress(String verificationId) {
}
