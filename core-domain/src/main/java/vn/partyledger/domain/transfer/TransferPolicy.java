package vn.partyledger.domain.transfer;

/**
 * Numbers of the transfer rules that docs/rules.md#s20 makes configurable, with its defaults:
 * {@code OFFICIAL_TRANSFER_START_WD} = 60, {@code PRESENT_LETTER_WD} = 30 and {@code TEMP_TRANSFER_RANGE} = from 3 to
 * under 12 months for work or residence, from 3 to 24 months for study.
 */
public record TransferPolicy(int startWorkingDays,
                             int presentLetterWorkingDays,
                             int temporaryMinMonths,
                             int temporaryWorkMonthsBelow,
                             int temporaryStudyMaxMonths) {

    public static final TransferPolicy DEFAULTS = new TransferPolicy(60, 30, 3, 12, 24);

    public TransferPolicy {
        if (startWorkingDays < 1 || presentLetterWorkingDays < 1 || temporaryMinMonths < 1
                || temporaryWorkMonthsBelow <= temporaryMinMonths || temporaryStudyMaxMonths < temporaryMinMonths) {
            throw new IllegalArgumentException("transfer policy numbers must be positive and the ranges not empty");
        }
    }
}
