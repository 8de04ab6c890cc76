package vn.partyledger.infra.export;

/** Asks for a member's whole history as the log holds it, with its proofs; held to the permission table. */
public record ExportMemberHistory(String memberId) {
}
