package vn.partyledger.command.support;

import vn.partyledger.domain.shared.Today;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The day the fixture tests run on, from a fixed clock: the rules ask it whether a stated date has come
 * (BUSINESS_DATE_NOT_IN_THE_FUTURE), so no test depends on the day it happens to run.
 */
public final class FixedToday {

    public static final LocalDate DATE = LocalDate.of(2026, 11, 29);

    private FixedToday() {
    }

    public static Today today() {
        return on(DATE);
    }

    /** Noon of {@code date} in Vietnam, on a clock of another zone: only the business zone decides the day. */
    public static Today on(LocalDate date) {
        return new Today(Clock.fixed(date.atTime(12, 0).atZone(Today.BUSINESS_ZONE).toInstant(), ZoneOffset.UTC));
    }
}
