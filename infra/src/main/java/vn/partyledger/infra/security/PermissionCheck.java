package vn.partyledger.infra.security;

import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.time.LocalDate;

/**
 * The check the command and query buses make, for what does not travel them: the person register writes its encrypted
 * version before its command reaches the bus and decrypts its reads from the register, and the access audit is read
 * from its own collection. Made first, before anything is written or read, so a caller the table refuses leaves no
 * register version or national-ID claim behind and learns nothing. It runs in a unit of work of its own for the
 * look-ups of the records concerned.
 */
public class PermissionCheck {

    private final Authorisation authorisation;
    private final CurrentActor currentActor;

    public PermissionCheck(Authorisation authorisation, CurrentActor currentActor) {
        this.authorisation = authorisation;
        this.currentActor = currentActor;
    }

    /**
     * Returns normally when the caller may send {@code message} about the record, else throws {@link AccessRefused}.
     *
     * @param recordId the record the message is about, or null
     */
    public void check(Object message, String recordId, LocalDate date) {
        DefaultUnitOfWork.startAndGet(GenericMessage.asMessage(message)).execute(() ->
                authorisation.check(currentActor.get(), message, recordId, date));
    }
}
