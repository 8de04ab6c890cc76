package vn.partyledger.domain.correction;

/**
 * A command that corrects what was recorded rather than deciding anything new. I29 still lets these through to a
 * deceased member's record: a death keyed against the wrong person must be annullable.
 */
public sealed interface CorrectionOfTheRecord permits AnnulEntry, CorrectEntryDate {

    String memberId();

    String eventId();
}
