/**
 * Leaving the Party, discipline, restoration and death (docs/rules.md#s10, §17.9): strike-off on a branch proposal,
 * voluntary exit, discipline and its appeals, restoration after an annulment, and death, which closes the record.
 */
package vn.partyledger.domain.discipline;
