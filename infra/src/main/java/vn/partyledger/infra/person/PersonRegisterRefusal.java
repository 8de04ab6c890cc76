package vn.partyledger.infra.person;

/** A write the register refuses, with the stable problem code and HTTP status the API answers with. */
public class PersonRegisterRefusal extends RuntimeException {

    private final String code;
    private final int status;

    private PersonRegisterRefusal(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static PersonRegisterRefusal nationalIdAlreadyRegistered() {
        return new PersonRegisterRefusal(409, "NATIONAL_ID_ALREADY_REGISTERED",
                "A person with this national ID number is already in the register.");
    }

    public static PersonRegisterRefusal alreadyRegistered(String personId) {
        return new PersonRegisterRefusal(409, "PERSON_ALREADY_REGISTERED",
                "Person " + personId + " is already in the register; correct the entry instead.");
    }

    public static PersonRegisterRefusal notRegistered(String personId) {
        return new PersonRegisterRefusal(404, "NOT_FOUND", "Person " + personId + " is not in the register.");
    }

    public static PersonRegisterRefusal erased(String personId) {
        return new PersonRegisterRefusal(410, "ERASED", "Person " + personId + " was erased: the data is gone for good.");
    }

    public static PersonRegisterRefusal invalid(String message) {
        return new PersonRegisterRefusal(400, "INVALID_INPUT", message);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
