package vn.partyledger.domain.member;

/** Whose background was verified (HD 01 §3.4), as role codes only: the people themselves stay in the vault. */
public enum VerificationSubject {
    CANDIDATE,
    FATHER,
    MOTHER,
    PARENT_IN_LAW,
    GUARDIAN,
    SPOUSE,
    CHILD
}
