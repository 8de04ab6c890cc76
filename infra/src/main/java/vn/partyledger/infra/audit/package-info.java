/**
 * The access audit (domain.md §15.2 rule 6, ADR 0021): who read whose personal data, when and why, recorded before the
 * data is given out, and readable by a security officer only.
 */
package vn.partyledger.infra.audit;
