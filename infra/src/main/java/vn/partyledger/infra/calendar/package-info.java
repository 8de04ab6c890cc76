/**
 * The published working-day calendar: the data file of each year's holidays, days off and make-up Saturdays, read
 * into the domain's {@code WorkingDayCalendar} (docs/rules.md#WORKING_DAY_CALENDAR).
 */
package vn.partyledger.infra.calendar;
