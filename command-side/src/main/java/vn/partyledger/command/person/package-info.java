/**
 * The person behind member records (ADR 0022): {@link vn.partyledger.command.person.Person} knows which member records
 * are the person's, so I3 and I25 follow the person rather than a member id. Its events name fields, never values:
 * the values are in the encrypted person register outside the log.
 */
package vn.partyledger.command.person;
