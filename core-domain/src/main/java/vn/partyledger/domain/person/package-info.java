/**
 * The person behind member records (docs/adr/0022-person-register.md). Events here name a person by a random
 * {@code personId} and say which fields of the person register changed and why, never what they hold: the values
 * live encrypted in the register, outside the log.
 */
package vn.partyledger.domain.person;
