/**
 * The person register (ADR 0022): personal data outside the event log, each person's versions encrypted with that
 * person's own data key (AES-GCM), the keys wrapped by a master key behind {@link vn.partyledger.infra.person.KeyWrapper}
 * so a KMS can take its place, and national IDs found by a keyed hash under a unique index, never in plain text.
 */
package vn.partyledger.infra.person;
