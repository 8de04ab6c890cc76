package vn.partyledger.domain.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Today's business date: the calendar date in Vietnam (docs/rules.md#s16) on the clock the application is given, read
 * afresh at every question, so the day turns at midnight in Hà Nội whatever the server's own time zone. It is the one
 * way a rule asks whether a date stated as something that happened has come yet; no rule reads the system clock.
 */
public final class Today {

    /** Business dates are Vietnamese calendar dates (domain.md §16). */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Clock clock;

    public Today(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LocalDate date() {
        return LocalDate.ofInstant(clock.instant(), BUSINESS_ZONE);
    }

    /**
     * Refuses {@code date}, stated as the day {@code what} happened, when that day lies after today: the ledger records
     * what was decided and done, so only a date the rules plan (an exemption's end, an attachment's expected return, a
     * badge's occasion) may lie ahead, and those are not passed here. A date not stated (null) is another rule's
     * concern.
     */
    public void businessDateIsNotInTheFuture(String what, LocalDate date) {
        LocalDate today = date();
        if (date != null && date.isAfter(today)) {
            throw new RuleViolation(Invariant.BUSINESS_DATE_NOT_IN_THE_FUTURE, "businessDateIsNotInTheFuture",
                    "The " + what + " is dated " + date + ", after today (" + today + "); only what has already "
                            + "happened is recorded.");
        }
    }

    /** The same for the signing date of a decision: a decision is recorded once it is signed. */
    public void decisionIsNotInTheFuture(DecisionRef decision) {
        businessDateIsNotInTheFuture("decision " + decision.docNumber(), decision.docDate());
    }

    /**
     * The same for a change that takes effect on a date of its own (an organisation's founding, renaming, merge …): it
     * is recorded once that day has come and its decision, if it names one, is signed.
     */
    public void changeHasTakenEffect(String change, LocalDate effectiveDate, DecisionRef decision) {
        if (decision != null) {
            decisionIsNotInTheFuture(decision);
        }
        businessDateIsNotInTheFuture(change + " taking effect", effectiveDate);
    }
}
