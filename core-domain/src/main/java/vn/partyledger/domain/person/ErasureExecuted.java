package vn.partyledger.domain.person;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The person's data key is to be destroyed: every version of the entry becomes unreadable, the log stays as it was
 * (it never held the values), and the register takes nothing more for the person.
 */
@Revision("1")
public record ErasureExecuted(String personId, LocalDate executedOn) {
}
