/** The Organisation aggregate and the registry other aggregates use to look organisations up as of a date. */
package vn.partyledger.command.organisation;
