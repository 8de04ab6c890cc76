package vn.partyledger.infra.audit;

/** The access audit could not durably record a read, so the data was not given out: 503, try again. */
public class AccessNotRecorded extends RuntimeException {

    public AccessNotRecorded(Throwable cause) {
        super("The read could not be recorded in the access audit, so nothing was revealed; try again.", cause);
    }
}
