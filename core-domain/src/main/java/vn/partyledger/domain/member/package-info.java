/**
 * Members from candidacy to exit: the recruitment pipeline, admission, probation, recognition and everything after.
 * Payloads carry a {@code personId}, never a name or identity number: personal data live in an erasable vault.
 */
package vn.partyledger.domain.member;
