package vn.partyledger.command.person;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.person.CorrectPersonalData;
import vn.partyledger.domain.person.PersonRegistered;
import vn.partyledger.domain.person.PersonalDataCorrected;
import vn.partyledger.domain.person.PersonalDataCorrectionReason;
import vn.partyledger.domain.person.PersonalDataField;

import java.time.LocalDate;
import java.util.Set;

/** Corrections of a register entry: what a change of circumstances may change, and what only an entry error may. */
class PersonalDataCorrectionTest {

    private static final LocalDate ON = LocalDate.of(2026, 3, 2);
    private static final PersonRegistered PERSON = new PersonRegistered("p1",
            Set.of(PersonalDataField.FULL_NAME, PersonalDataField.DATE_OF_BIRTH), "kp1", "v1");

    private final AggregateTestFixture<Person> fixture = new AggregateTestFixture<>(Person.class);

    PersonalDataCorrectionTest() {
        fixture.registerInjectableResource(FixedToday.today());
    }

    @Test
    @DisplayName("DATE_OF_BIRTH_FOR_EVERY_DATE: a date of birth keyed in wrongly or asked for is corrected for every date")
    void aDateOfBirthIsCorrectedForEveryDate() {
        for (PersonalDataCorrectionReason reason : Set.of(PersonalDataCorrectionReason.ENTRY_ERROR,
                PersonalDataCorrectionReason.DATA_SUBJECT_REQUEST)) {
            CorrectPersonalData correction = new CorrectPersonalData("p1",
                    Set.of(PersonalDataField.DATE_OF_BIRTH, PersonalDataField.FULL_NAME), reason, ON, "v2");
            fixture.given(PERSON).when(correction)
                    .expectEvents(new PersonalDataCorrected("p1", correction.fields(), reason, ON, "v2"));
        }
    }

    @Test
    @DisplayName("DATE_OF_BIRTH_FOR_EVERY_DATE: a date of birth is never corrected as a change of circumstances")
    void aDateOfBirthIsNeverCorrectedAsAChangeOfCircumstances() {
        fixture.given(PERSON)
                .when(new CorrectPersonalData("p1", Set.of(PersonalDataField.DATE_OF_BIRTH, PersonalDataField.OCCUPATION),
                        PersonalDataCorrectionReason.CHANGE_OF_CIRCUMSTANCES, ON, "v2"))
                .expectNoEvents()
                .expectException(Violation.of("DATE_OF_BIRTH_FOR_EVERY_DATE", "aDateOfBirthIsCorrectedForEveryDate"));
    }

    @Test
    @DisplayName("a change of circumstances corrects the other fields from its effective date")
    void aChangeOfCircumstancesCorrectsOtherFields() {
        CorrectPersonalData correction = new CorrectPersonalData("p1", Set.of(PersonalDataField.OCCUPATION),
                PersonalDataCorrectionReason.CHANGE_OF_CIRCUMSTANCES, ON, "v2");
        fixture.given(PERSON).when(correction).expectEvents(new PersonalDataCorrected("p1", correction.fields(),
                PersonalDataCorrectionReason.CHANGE_OF_CIRCUMSTANCES, ON, "v2"));
    }
}
