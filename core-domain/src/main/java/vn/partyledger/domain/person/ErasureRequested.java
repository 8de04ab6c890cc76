package vn.partyledger.domain.person;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The person asked for erasure; {@link ErasureExecuted} or {@link ErasureRefused} follows in the same commit. */
@Revision("1")
public record ErasureRequested(String personId, LocalDate requestedOn) {
}
