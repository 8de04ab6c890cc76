package vn.partyledger.domain.person;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The basis on which the person's data is processed, as recorded on a date. */
@Revision("1")
public record ProcessingBasisRecorded(String personId, ProcessingBasis basis, LocalDate recordedOn) {
}
