package vn.partyledger.infra.person;

/** Stored personal data that does not decrypt: a wrong master key, or bytes that were altered. */
public class PersonalDataUnreadable extends RuntimeException {

    public PersonalDataUnreadable(String message, Throwable cause) {
        super(message, cause);
    }
}
