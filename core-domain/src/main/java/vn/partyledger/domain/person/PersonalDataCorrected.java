package vn.partyledger.domain.person;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which fields of a person's register entry changed, why and from when; never their values, which are in the
 * register's encrypted version {@code entryVersion}.
 */
@Revision("1")
public record PersonalDataCorrected(String personId,
                                    Set<PersonalDataField> fields,
                                    PersonalDataCorrectionReason reason,
                                    LocalDate effectiveDate,
                                    String entryVersion) {
}
