package vn.partyledger.infra.export;

/**
 * A read of the member's name for the header of the member's exported history: personal data, checked against the
 * permission table before the name is read (whoever may read the names on the member's home branch roster), and
 * recorded in the access audit before the export is sent.
 */
public record ReadNameInExport(String memberId) {
}
