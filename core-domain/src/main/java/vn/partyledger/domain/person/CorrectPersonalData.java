package vn.partyledger.domain.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Set;

/**
 * Correct fields of a person's register entry; the new values are already in the register as version
 * {@code entryVersion}, part of the entry once this command's event names it. An entry error restates the fields for
 * every date; a change of circumstances applies from {@code effectiveDate}.
 */
public record CorrectPersonalData(@TargetAggregateIdentifier String personId,
                                  Set<PersonalDataField> fields,
                                  PersonalDataCorrectionReason reason,
                                  LocalDate effectiveDate,
                                  String entryVersion) {
}
