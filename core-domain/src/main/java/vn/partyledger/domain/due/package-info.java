/** Queries about what falls due for a branch's members: decisions, ceremonies, recognitions, letters, exemptions. */
package vn.partyledger.domain.due;
